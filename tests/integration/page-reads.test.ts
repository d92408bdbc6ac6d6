// The learner's pages read and write through prepared statements (readRows, runWrite) instead of
// Prisma (issue 11, bench/CHANGES.md session 7): on SQLite and PostgreSQL they give what the
// Prisma queries gave, and what they write reads back through Prisma as Prisma wrote it.
import { beforeEach, describe, expect, it } from "vitest";
import { db, readRows } from "~/modules/db/index.server.ts";
import { completedLessonIds, enrolmentsOf, lessonCompletedAt, recordVisit } from "~/modules/learning/index.server.ts";
import { learnerDueItems } from "~/modules/orgs/index.server.ts";
import { passedQuizIds, pastAttempts } from "~/modules/quiz/index.server.ts";
import { createOrg, createUser, resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const at = (iso: string) => new Date(iso);

async function attempt(userId: string, quizId: string, number: number, fields: Record<string, unknown>) {
  await db.quizAttempt.create({
    data: {
      userId,
      quizId,
      courseId: "aml-basics",
      number,
      lang: "es",
      contentVersion: "v",
      snapshot: "{}",
      passMark: 70,
      maxPoints: 10,
      status: "submitted",
      ...fields,
    },
    select: { id: true },
  });
}

describe("prepared reads of the learner's pages", () => {
  it("enrolments, done lessons, passed quizzes and past attempts equal Prisma's answers", async () => {
    const user = await createUser();
    const other = await createUser();
    await db.enrolment.createMany({
      data: [
        { userId: user.id, courseId: "aml-basics", enrolledAt: at("2026-01-02T03:04:05.678Z") },
        {
          userId: user.id,
          courseId: "aml-core",
          enrolledAt: at("2026-01-01T00:00:00.000Z"),
          completedAt: at("2026-03-01T12:00:00.001Z"),
          lastLessonId: "x",
          lastVisitAt: at("2026-02-28T23:59:59.999Z"),
        },
        { userId: other.id, courseId: "aml-basics" },
      ],
    });
    await db.lessonProgress.createMany({
      data: [
        { userId: user.id, lessonId: "a", contentVersion: "v" },
        { userId: user.id, lessonId: "b", contentVersion: "v", completedAt: at("2026-05-05T05:05:05.005Z") },
        { userId: other.id, lessonId: "c", contentVersion: "v" },
      ],
    });
    await attempt(user.id, "q1", 1, { submittedAt: at("2026-04-01T10:00:00Z"), percent: 40, passed: false });
    await attempt(user.id, "q1", 2, { submittedAt: at("2026-04-02T10:00:00Z"), percent: 90.5, passed: true });
    await attempt(user.id, "q2", 1, { submittedAt: at("2026-04-03T10:00:00Z"), percent: 100, passed: true });
    await attempt(user.id, "q3", 1, { status: "open", openKey: "k" });
    await attempt(other.id, "q4", 1, { submittedAt: at("2026-04-04T10:00:00Z"), percent: 100, passed: true });

    const prismaEnrolments = await db.enrolment.findMany({
      where: { userId: user.id },
      select: { courseId: true, enrolledAt: true, completedAt: true, lastLessonId: true, lastVisitAt: true },
    });
    // Most recently visited first (aml-core was visited after aml-basics was enrolled in).
    expect(await enrolmentsOf(user.id)).toEqual(
      ["aml-core", "aml-basics"].map((id) => prismaEnrolments.find((e) => e.courseId === id)),
    );
    expect(await completedLessonIds(user.id)).toEqual(new Set(["a", "b"]));
    expect(await completedLessonIds(user.id, ["b", "c", "zz"])).toEqual(new Set(["b"]));
    expect(await completedLessonIds(user.id, [])).toEqual(new Set());
    expect(await lessonCompletedAt(user.id, "b")).toEqual(at("2026-05-05T05:05:05.005Z"));
    expect(await lessonCompletedAt(user.id, "c")).toBeNull();
    expect(await passedQuizIds(user.id)).toEqual(new Set(["q1", "q2"]));

    const prismaAttempts = await db.quizAttempt.findMany({
      where: { userId: user.id, status: "submitted" },
      select: {
        quizId: true,
        courseId: true,
        number: true,
        submittedAt: true,
        percent: true,
        passed: true,
        lang: true,
      },
      orderBy: [{ submittedAt: "desc" }, { number: "desc" }],
      take: 2,
    });
    const prepared = await pastAttempts(user.id, 2);
    expect(prepared).toEqual(prismaAttempts);
    expect(prepared.map((a) => [a.quizId, a.number, a.percent, a.passed])).toEqual([
      ["q2", 1, 100, true],
      ["q1", 2, 90.5, true],
    ]);
  });

  it("a learner's due items: active cohorts only, in due order, with what is completed", async () => {
    const user = await createUser();
    const org = await createOrg();
    const cohort = (name: string, archivedAt: Date | null = null) =>
      db.cohort.create({
        data: { orgId: org.id, name, startsOn: at("2026-01-01Z"), endsOn: at("2026-12-31Z"), archivedAt },
        select: { id: true },
      });
    const spring = await cohort("Primavera");
    const archived = await cohort("Archivada", at("2026-02-01Z"));
    const left = await cohort("Dejada");
    await db.cohortCourse.createMany({
      data: [
        { cohortId: spring.id, courseId: "aml-core", position: 0, dueOn: at("2026-06-30Z") },
        { cohortId: spring.id, courseId: "aml-basics", position: 1, dueOn: at("2026-03-31Z") },
        { cohortId: spring.id, courseId: "legal-practice", position: 2, dueOn: null },
        { cohortId: archived.id, courseId: "aml-basics", position: 0, dueOn: at("2026-01-15Z") },
        { cohortId: left.id, courseId: "aml-basics", position: 0, dueOn: at("2026-01-16Z") },
      ],
    });
    await db.cohortMember.createMany({
      data: [
        { cohortId: spring.id, userId: user.id, orgId: org.id },
        { cohortId: archived.id, userId: user.id, orgId: org.id },
        { cohortId: left.id, userId: user.id, orgId: org.id, removedAt: at("2026-02-01Z") },
      ],
    });
    await db.enrolment.create({
      data: { userId: user.id, courseId: "aml-basics", completedAt: at("2026-03-01T08:00:00Z") },
      select: { id: true },
    });
    await db.enrolment.create({ data: { userId: user.id, courseId: "aml-core" }, select: { id: true } });

    const items = await learnerDueItems(user.id, "UTC", at("2026-07-01T12:00:00Z"));
    expect(items).toEqual([
      {
        cohortId: spring.id,
        cohortName: "Primavera",
        courseId: "aml-basics",
        dueOn: at("2026-03-31Z"),
        completedAt: at("2026-03-01T08:00:00Z"),
        overdue: false,
      },
      {
        cohortId: spring.id,
        cohortName: "Primavera",
        courseId: "aml-core",
        dueOn: at("2026-06-30Z"),
        completedAt: null,
        overdue: true,
      },
      {
        cohortId: spring.id,
        cohortName: "Primavera",
        courseId: "legal-practice",
        dueOn: null,
        completedAt: null,
        overdue: false,
      },
    ]);
  });
});

describe("the lesson visit as one prepared write", () => {
  it("writes the lesson and the time as Prisma would, for the enrolment only", async () => {
    const user = await createUser();
    const other = await createUser();
    await db.enrolment.createMany({
      data: [
        { userId: user.id, courseId: "aml-basics", lastVisitAt: at("2026-01-01T00:00:00.000Z") },
        { userId: other.id, courseId: "aml-basics" },
      ],
    });
    const when = at("2026-08-09T10:11:12.345Z");
    await recordVisit(user.id, "aml-basics", "laundering-stages", when);
    await recordVisit(user.id, "aml-core", "not-enrolled", when); // no enrolment: no row

    const rows = await db.enrolment.findMany({
      where: { courseId: { in: ["aml-basics", "aml-core"] } },
      select: { userId: true, courseId: true, lastLessonId: true, lastVisitAt: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.userId === user.id)).toMatchObject({
      lastLessonId: "laundering-stages",
      lastVisitAt: when,
    });
    expect(rows.find((r) => r.userId === other.id)).toMatchObject({ lastLessonId: null, lastVisitAt: null });

    // Prisma's own filters compare the written time as a time (same stored form as its own).
    const since = await db.enrolment.count({ where: { userId: user.id, lastVisitAt: { gte: when } } });
    const after = await db.enrolment.count({ where: { userId: user.id, lastVisitAt: { gt: when } } });
    expect([since, after]).toEqual([1, 0]);
    const [raw] = await readRows<{ stored: unknown }>(
      {
        sqlite: "SELECT lastVisitAt AS stored FROM Enrolment WHERE userId = ?",
        postgresql: `SELECT "lastVisitAt" AT TIME ZONE 'UTC' AS "stored" FROM "Enrolment" WHERE "userId" = $1`,
      },
      [user.id],
    );
    if (typeof raw!.stored === "string") expect(raw!.stored).toBe("2026-08-09T10:11:12.345+00:00");
    else expect(raw!.stored).toEqual(when);
  });
});
