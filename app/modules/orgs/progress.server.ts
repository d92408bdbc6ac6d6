// The cohort progress table: one row per person, one cell per course. Built for cohorts of
// thousands: filtering, sorting and paging happen in the database (status filters become
// EXISTS conditions on enrolments), and progress is read only for the page's people, with
// one aggregated query per kind of fact (enrolments, lessons per course, quiz attempts) —
// a fixed number of queries whatever the page size, never one per person. Every read is a
// prepared statement (SqlRead): through Prisma the page cost ~12 ms of CPU at 2,000 people.
import { courseCompletionRequirements } from "~/modules/content/index.server.ts";
import { asDate, SqlRead } from "~/modules/db/index.server.ts";
import type { CohortAccess } from "./cohorts.server.ts";
import type { ProgressQuery } from "./schemas.ts";

export type CourseCell = {
  courseId: string;
  lessonsDone: number;
  lessonsTotal: number;
  /** Best percent over the course's submitted quiz attempts; null before the first. */
  bestScore: number | null;
  attempts: number;
  completedAt: Date | null;
  overdue: boolean;
};

export type ProgressRow = {
  userId: string;
  name: string;
  /** Shown in full to the owner and to the person's own organization only. */
  email: string | null;
  orgId: string;
  orgName: string;
  country: string;
  addedAt: Date;
  /** false: another organization's person seen by a partner — name and completion only. */
  full: boolean;
  courses: CourseCell[];
};

export type ProgressPage = { total: number; page: number; pageCount: number; rows: ProgressRow[] };

// One formatter per time zone (building one costs ~100 times a format; every signed-in home
// asks for today's date). Time zones are validated IANA names, so the map stays small.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day as stored (UTC midnight). */
export function dayOf(date: Date, timeZone: string): Date {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return new Date(`${format.format(date)}T00:00:00.000Z`);
}

/**
 * The roster's filter, in SQL for both databases, on `CohortMember cm JOIN "User" u`:
 * status filters become EXISTS conditions on enrolments. Every value is bound.
 */
function rosterConditions(q: SqlRead, cohort: CohortAccess, query: ProgressQuery, today: Date): string[] {
  const courseIds = cohort.courses.map((c) => c.courseId);
  const completed = (courseId: string) =>
    `EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."userId" = cm."userId" AND e."courseId" = ${q.value(courseId)} AND e."completedAt" IS NOT NULL)`;
  const anyNotCompleted = (ids: string[]) =>
    ids.length ? `(${ids.map((c) => `NOT ${completed(c)}`).join(" OR ")})` : "1 = 0";
  const where = [`cm."cohortId" = ${q.value(cohort.id)}`, `cm."removedAt" IS NULL`];
  if (query.org) where.push(`cm."orgId" = ${q.value(query.org)}`);
  for (const term of query.terms) where.push(`u."searchText" LIKE ${q.value(`%${term}%`)}`);
  if (query.status === "complete") where.push(...courseIds.map(completed));
  if (query.status === "incomplete") where.push(anyNotCompleted(courseIds));
  // No course past its due date: nobody is overdue.
  if (query.status === "overdue") where.push(anyNotCompleted(dueCourses(cohort, today)));
  return where;
}

function dueCourses(cohort: CohortAccess, today: Date): string[] {
  return cohort.courses.filter((c) => c.dueOn && c.dueOn < today).map((c) => c.courseId);
}

/**
 * The ORDER BY of a query. "progress": courses of the cohort completed, then its required
 * lessons done, then name; a partner's viewer orders the other organizations' people by
 * completion only — what it may see of them.
 */
function orderBy(q: SqlRead, cohort: CohortAccess, query: ProgressQuery): string {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  switch (query.sort) {
    case "org":
      return `o."name" ${dir}, u."name" ASC, cm."userId" ASC`;
    case "added":
      return `cm."addedAt" ${dir}, cm."userId" ASC`;
    case "name":
      return `u."name" ${dir}, cm."userId" ASC`;
    case "progress": {
      const courseIds = cohort.courses.map((c) => c.courseId);
      const lessonIds = [...new Set(courseIds.flatMap((id) => courseCompletionRequirements(id)?.lessons ?? []))];
      const completed = `(SELECT COUNT(*) FROM "Enrolment" e WHERE e."userId" = cm."userId" AND e."courseId" ${q.in(courseIds)} AND e."completedAt" IS NOT NULL)`;
      // A function: SQLite binds "?" in textual order, so its placeholder is made where it appears.
      const lessonsDone = () =>
        `(SELECT COUNT(*) FROM "LessonProgress" lp WHERE lp."userId" = cm."userId" AND lp."lessonId" ${q.in(lessonIds)})`;
      const lessons = cohort.isOwner
        ? lessonsDone()
        : `CASE WHEN cm."orgId" = ${q.value(cohort.viewerOrgId)} THEN ${lessonsDone()} ELSE 0 END`;
      return `${completed} ${dir}, ${lessons} ${dir}, u."name" ASC, cm."userId" ASC`;
    }
  }
}

type MemberRow = {
  userId: string;
  orgId: string;
  addedAt: string | Date;
  name: string;
  email: string;
  orgName: string;
  country: string;
  total: number | string;
};

/**
 * One page of the roster with the number of people matching: one prepared statement (the
 * count is a window over the same filter). Prisma's per-statement cost made the two reads and
 * the ordering by a related table most of the page's time at 2,000 people.
 */
async function rosterPage(
  cohort: CohortAccess,
  query: ProgressQuery,
  today: Date,
  page: { skip: number; take: number },
): Promise<{ total: number; members: Omit<MemberRow, "total">[] }> {
  const q = new SqlRead();
  // Placeholders are numbered as they are made (SQLite's "?" bind in textual order), so each
  // fragment is built in the order it appears.
  const select =
    `SELECT cm."userId" AS "userId", cm."orgId" AS "orgId", ${q.instant('cm."addedAt"')} AS "addedAt", ` +
    `u."name" AS "name", u."email" AS "email", o."name" AS "orgName", o."country" AS "country", ` +
    `COUNT(*) OVER () AS "total" ` +
    `FROM "CohortMember" cm JOIN "User" u ON u."id" = cm."userId" JOIN "Organization" o ON o."id" = cm."orgId" `;
  const where = `WHERE ${rosterConditions(q, cohort, query, today).join(" AND ")} `;
  const order = `ORDER BY ${orderBy(q, cohort, query)} `;
  const rows = await q.rows<MemberRow>(
    `${select}${where}${order}LIMIT ${q.value(Math.trunc(page.take))} OFFSET ${q.value(Math.trunc(page.skip))}`,
  );
  // A page past the end has no row to carry the count.
  const total = rows.length ? Number(rows[0]!.total) : page.skip > 0 ? await rosterCount(cohort, query, today) : 0;
  return { total, members: rows };
}

async function rosterCount(cohort: CohortAccess, query: ProgressQuery, today: Date): Promise<number> {
  const q = new SqlRead();
  const where = rosterConditions(q, cohort, query, today).join(" AND ");
  const [row] = await q.rows<{ n: number | string }>(
    `SELECT COUNT(*) AS "n" FROM "CohortMember" cm JOIN "User" u ON u."id" = cm."userId" WHERE ${where}`,
  );
  return Number(row?.n ?? 0);
}

/** Progress of the given people in the cohort's courses: three prepared reads whatever their number. */
export async function progressOf(
  cohort: CohortAccess,
  userIds: string[],
  today: Date,
): Promise<Map<string, CourseCell[]>> {
  const courseIds = cohort.courses.map((c) => c.courseId);
  const required = new Map(
    courseIds.map((id) => [id, courseCompletionRequirements(id)?.lessons ?? []] as [string, readonly string[]]),
  );
  const allLessons = [...new Set([...required.values()].flat())];
  const read = <T>(sql: (q: SqlRead) => string) => {
    const q = new SqlRead();
    return q.rows<T>(sql(q));
  };
  const [enrolments, lessons, quizzes] =
    userIds.length === 0 || courseIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          read<{ userId: string; courseId: string; completedAt: string | Date | null }>(
            (q) =>
              `SELECT "userId", "courseId", ${q.instant('"completedAt"')} AS "completedAt" FROM "Enrolment" ` +
              `WHERE "userId" ${q.in(userIds)} AND "courseId" ${q.in(courseIds)}`,
          ),
          // (userId, lessonId) pairs of done lessons; bounded by page size × the courses' lessons.
          read<{ userId: string; lessonId: string }>(
            (q) =>
              `SELECT "userId", "lessonId" FROM "LessonProgress" ` +
              `WHERE "userId" ${q.in(userIds)} AND "lessonId" ${q.in(allLessons)}`,
          ),
          read<{ userId: string; courseId: string; best: number | null; attempts: number | string }>(
            (q) =>
              `SELECT "userId", "courseId", MAX("percent") AS "best", COUNT(*) AS "attempts" FROM "QuizAttempt" ` +
              `WHERE "userId" ${q.in(userIds)} AND "courseId" ${q.in(courseIds)} AND "status" = 'submitted' ` +
              `GROUP BY "userId", "courseId"`,
          ),
        ]);
  const key = (userId: string, courseId: string) => `${userId}\u0000${courseId}`;
  const completed = new Map(enrolments.map((e) => [key(e.userId, e.courseId), asDate(e.completedAt)]));
  const doneByUser = new Map<string, Set<string>>();
  for (const l of lessons) {
    let set = doneByUser.get(l.userId);
    if (!set) doneByUser.set(l.userId, (set = new Set()));
    set.add(l.lessonId);
  }
  const quizByKey = new Map(quizzes.map((q) => [key(q.userId, q.courseId), q]));
  const result = new Map<string, CourseCell[]>();
  for (const userId of userIds) {
    const done = doneByUser.get(userId);
    result.set(
      userId,
      cohort.courses.map(({ courseId, dueOn }) => {
        const lessonIds = required.get(courseId) ?? [];
        const completedAt = completed.get(key(userId, courseId)) ?? null;
        const quiz = quizByKey.get(key(userId, courseId));
        return {
          courseId,
          lessonsDone: done ? lessonIds.filter((id) => done.has(id)).length : 0,
          lessonsTotal: lessonIds.length,
          bestScore: quiz?.best ?? null,
          attempts: Number(quiz?.attempts ?? 0),
          completedAt,
          overdue: dueOn !== null && dueOn < today && completedAt === null,
        };
      }),
    );
  }
  return result;
}

/** What a partner may see of another organization's person: completion only. */
function limited(cell: CourseCell): CourseCell {
  return { ...cell, lessonsDone: 0, lessonsTotal: 0, bestScore: null, attempts: 0, overdue: false };
}

/**
 * One page of the cohort's progress as the viewer may see it. `pageSize` rows from
 * `query.page`; the count and the page are two queries, progress three more.
 */
export async function cohortProgress(
  cohort: CohortAccess,
  query: ProgressQuery,
  options: { timeZone: string; pageSize: number; now?: Date },
): Promise<ProgressPage> {
  const today = dayOf(options.now ?? new Date(), options.timeZone);
  const pageRange = { skip: (query.page - 1) * options.pageSize, take: options.pageSize };
  const { total, members } = await rosterPage(cohort, query, today, pageRange);
  const progress = await progressOf(
    cohort,
    members.map((m) => m.userId),
    today,
  );
  return {
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / options.pageSize)),
    rows: members.map((m) => {
      const full = cohort.isOwner || m.orgId === cohort.viewerOrgId;
      const cells = progress.get(m.userId) ?? [];
      return {
        userId: m.userId,
        name: m.name,
        email: full ? m.email : null,
        orgId: m.orgId,
        orgName: m.orgName,
        country: m.country,
        addedAt: asDate(m.addedAt)!,
        full,
        courses: full ? cells : cells.map(limited),
      };
    }),
  };
}

/** Every row matching the query, page by page (for the CSV export). */
export async function* allProgressRows(
  cohort: CohortAccess,
  query: ProgressQuery,
  options: { timeZone: string; now?: Date },
): AsyncGenerator<ProgressRow[]> {
  const pageSize = 500;
  for (let page = 1; ; page += 1) {
    const result = await cohortProgress(cohort, { ...query, page }, { ...options, pageSize });
    if (result.rows.length) yield result.rows;
    if (page >= result.pageCount) return;
  }
}

/** How many people the viewer answers for (all for the owner, its own for a partner) and how many are overdue. */
export async function overdueCount(cohort: CohortAccess, today: Date): Promise<{ members: number; overdue: number }> {
  const base: ProgressQuery = {
    q: "",
    terms: [],
    status: "all",
    org: cohort.isOwner ? null : cohort.viewerOrgId,
    sort: "name",
    dir: "asc",
    page: 1,
  };
  const [members, overdue] = await Promise.all([
    rosterCount(cohort, base, today),
    rosterCount(cohort, { ...base, status: "overdue" }, today),
  ]);
  return { members, overdue };
}
