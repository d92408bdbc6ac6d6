import {
  asDate,
  db,
  readRows,
  runWrite,
  type Db,
  type RawRead,
  type RawWrite,
  type Tx,
} from "~/modules/db/index.server.ts";

const enrolmentRead: RawRead = {
  sqlite: "SELECT 1 AS found FROM Enrolment WHERE userId = ? AND courseId = ?",
  postgresql: 'SELECT 1 AS "found" FROM "Enrolment" WHERE "userId" = $1 AND "courseId" = $2',
};

/** One prepared statement (readRows): the lesson page and every quiz start ask it. */
export async function isEnrolled(userId: string, courseId: string): Promise<boolean> {
  const rows = await readRows<{ found: number }>(enrolmentRead, [userId, courseId]);
  return rows.length > 0;
}

/** Idempotent: enrolling twice keeps the first enrolment. Pass `tx` to enrol inside a transaction. */
export async function enrol(userId: string, courseId: string, client: Db | Tx = db): Promise<void> {
  await client.enrolment.upsert({
    where: { userId_courseId: { userId, courseId } },
    create: { userId, courseId },
    update: {},
    select: { id: true },
  });
}

const enrolmentSelect = {
  courseId: true,
  enrolledAt: true,
  completedAt: true,
  lastLessonId: true,
  lastVisitAt: true,
} as const;

// The learner's home and catalog ask this on every view: a prepared statement (readRows).
const enrolmentsRead: RawRead = {
  sqlite: "SELECT courseId, enrolledAt, completedAt, lastLessonId, lastVisitAt FROM Enrolment WHERE userId = ?",
  postgresql:
    `SELECT "courseId", "enrolledAt" AT TIME ZONE 'UTC' AS "enrolledAt", "completedAt" AT TIME ZONE 'UTC' AS "completedAt", ` +
    `"lastLessonId", "lastVisitAt" AT TIME ZONE 'UTC' AS "lastVisitAt" FROM "Enrolment" WHERE "userId" = $1`,
};

type EnrolmentRead = Omit<EnrolmentRow, "enrolledAt" | "completedAt" | "lastVisitAt"> & {
  enrolledAt: unknown;
  completedAt: unknown;
  lastVisitAt: unknown;
};

// Every lesson view writes it: one prepared statement instead of Prisma's transaction around it.
const visitWrite: RawWrite = {
  sqlite: "UPDATE Enrolment SET lastLessonId = ?, lastVisitAt = ? WHERE userId = ? AND courseId = ?",
  postgresql: 'UPDATE "Enrolment" SET "lastLessonId" = $1, "lastVisitAt" = $2 WHERE "userId" = $3 AND "courseId" = $4',
};

export type EnrolmentRow = {
  courseId: string;
  enrolledAt: Date;
  completedAt: Date | null;
  lastLessonId: string | null;
  lastVisitAt: Date | null;
};

export async function enrolmentOf(userId: string, courseId: string): Promise<EnrolmentRow | null> {
  return db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: enrolmentSelect });
}

/** Every enrolment of the learner, most recently visited first. */
export async function enrolmentsOf(userId: string): Promise<EnrolmentRow[]> {
  const rows = (await readRows<EnrolmentRead>(enrolmentsRead, [userId])).map(
    (row): EnrolmentRow => ({
      courseId: row.courseId,
      enrolledAt: asDate(row.enrolledAt)!,
      completedAt: asDate(row.completedAt),
      lastLessonId: row.lastLessonId,
      lastVisitAt: asDate(row.lastVisitAt),
    }),
  );
  const time = (row: EnrolmentRow) => (row.lastVisitAt ?? row.enrolledAt).getTime();
  return rows.sort((a, b) => time(b) - time(a));
}

/** "Continue where I left off": remembers the lesson just opened. No-op when not enrolled. */
export async function recordVisit(userId: string, courseId: string, lessonId: string, at = new Date()): Promise<void> {
  await runWrite(visitWrite, [lessonId, at, userId, courseId]);
}
