import { db } from "~/modules/db/index.server.ts";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
const quiz = getQuiz("m1-foundations-quiz")!;
const v = contentVersion();
const u = await db.user.create({
  data: { email: `p${Date.now()}@x.test`, name: "p", passwordHash: "x" },
  select: { id: true },
});
let t = Date.now() - 300 * 86400000;
const tm = { start: 0, own: 0, submit: 0 };
for (let i = 0; i < 10; i++) {
  let a = performance.now();
  const s = await startAttempt({
    userId: u.id,
    quiz: { ...quiz, settings: { ...quiz.settings, maxAttempts: 0 } },
    courseId: "aml-core",
    lang: "en",
    contentVersion: v,
    now: new Date(t),
  });
  tm.start += performance.now() - a;
  a = performance.now();
  if (!s.ok) throw new Error("x");
  const at = await ownAttempt(s.attemptId, u.id);
  tm.own += performance.now() - a;
  a = performance.now();
  const items = snapshotItems(at!.snapshot);
  const fields: [string, string][] = items.filter((i) => i.type === "true-false").map((i) => [i.key, "true"]);
  await submitAttempt({ attemptId: s.attemptId, userId: u.id, fields, now: new Date(t + 600000) });
  tm.submit += performance.now() - a;
  t += 2 * 86400000;
}
console.log(tm);
