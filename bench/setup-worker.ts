// Signed-in learners for a benchmark run, written straight into the database named by
// DATABASE_URL (run by bench/run.ts in its own process, since the app's client is fixed at
// import): users, a session each (the auth module's startSession, as the sign-in action makes
// it) and enrolments. Prints one JSON line: { learners, examLearners }, each { id, lang, cookie }.
import { hashPassword, searchTextOf, startSession } from "~/modules/auth/index.server.ts";
import { listCourses } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";

const LEARNERS = Number(process.env.BENCH_USERS ?? 120);
const EXAM_LEARNERS = Number(process.env.BENCH_EXAM_LEARNERS ?? 500);
const EXAM_COURSE = process.env.BENCH_EXAM_COURSE ?? "";

type Learner = { id: string; lang: "en" | "es"; cookie: string };

async function createLearners(prefix: string, count: number, courseIds: string[]): Promise<Learner[]> {
  const passwordHash = await hashPassword(`bench-${process.pid}-${Date.now()}`);
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}-${i}@bench.puente.test`;
    const name = `Bench ${prefix} ${i}`;
    return {
      email,
      name,
      language: i % 2 ? "es" : "en",
      passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(name, email),
    };
  });
  await db.user.createMany({ data: rows });
  const users = await db.user.findMany({
    where: { email: { in: rows.map((r) => r.email) } },
    select: { id: true, language: true },
    orderBy: { email: "asc" },
  });
  await db.enrolment.createMany({
    data: users.flatMap((u) => courseIds.map((courseId) => ({ userId: u.id, courseId }))),
  });
  const learners: Learner[] = [];
  for (const user of users) {
    const cookie = (await startSession(user.id)).split(";")[0]!;
    learners.push({ id: user.id, lang: user.language === "es" ? "es" : "en", cookie });
  }
  return learners;
}

async function main() {
  const courseIds = listCourses().map((c) => c.id);
  const learners = await createLearners("learner", LEARNERS, courseIds);
  const examLearners = await createLearners("exam", EXAM_LEARNERS, [EXAM_COURSE || courseIds[0]!]);
  process.stdout.write(JSON.stringify({ learners, examLearners }) + "\n");
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
