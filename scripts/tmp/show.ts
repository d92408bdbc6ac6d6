import { db } from "~/modules/db/index.server.ts";
import { getQuiz } from "~/modules/content/index.server.ts";
import { quizItemStatistics } from "~/modules/quiz/index.server.ts";
const orgs = (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
for (const id of ["m1-foundations-quiz", "m2-us-framework-quiz"]) {
  const t0 = performance.now();
  const s = await quizItemStatistics(getQuiz(id)!, orgs, "en");
  console.log(id, s.attempts, "ms", (performance.now() - t0).toFixed(0));
  for (const it of s.units.flatMap((u) => u.items)) {
    const p = (x: number | null) => (x === null ? "  -" : (x * 100).toFixed(0).padStart(3));
    console.log(
      it.itemId.padEnd(10),
      it.type.padEnd(10),
      String(it.all.responses).padStart(3),
      p(it.all.shareCorrect),
      "disc",
      it.all.discrimination?.toFixed(2) ?? "-",
      "| en",
      it.en.responses,
      p(it.en.shareCorrect),
      "| es",
      it.es.responses,
      p(it.es.shareCorrect),
      it.gap.flagged ? "FLAG" : "",
      it.gap.points?.toFixed(1),
    );
  }
}
