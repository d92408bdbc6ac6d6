// The people of the crash-safety test, written with SQL into its copy of the demo database
// before the first server starts (tests/e2e/crash-safety.e2e.test.ts): clones of demo
// accounts with a session each, so no Argon2 sign-in is needed after a restart.
import crypto from "node:crypto";
import { cloneUser, insertSession, isoNow, userIdOf, withFile } from "./crash.ts";

const LEARNER = "learner@demo.puente.test";
/** The lesson of "legal-practice" whose completion issues the certificate. */
export const LAST_LESSON = "after-action-review-and-ethics";

type Person = { id: string; cookie: string };

/** Learners enrolled in "aml-core", none of its quizzes taken. */
export function quizLearners(file: string, count: number): Person[] {
  return withFile(file, (sql) => {
    const from = userIdOf(sql, LEARNER);
    return Array.from({ length: count }, (_, i) => {
      const id = cloneUser(sql, from, `crash-quiz-${i}@example.test`);
      sql
        .prepare('INSERT INTO "Enrolment" (id, userId, courseId) VALUES (?, ?, ?)')
        .run(crypto.randomUUID(), id, "aml-core");
      return { id, cookie: insertSession(sql, id) };
    });
  });
}

/**
 * Clones of the demo learner, who completed "legal-practice": enrolled in it alone, every
 * quiz passed and every lesson read but LAST_LESSON.
 */
export function credentialLearners(file: string, count: number): Person[] {
  return withFile(file, (sql) => {
    const from = userIdOf(sql, LEARNER);
    const columns = (sql.prepare('PRAGMA table_info("QuizAttempt")').all() as { name: string }[]).map((c) => c.name);
    const values = columns.map((c) => (c === "id" ? "@prefix || id" : c === "userId" ? "@id" : `"${c}"`));
    const copyAttempts = sql.prepare(
      `INSERT INTO "QuizAttempt" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${values.join(", ")} FROM "QuizAttempt" WHERE userId = @from AND status = 'submitted'`,
    );
    const copyLessons = sql.prepare(
      `INSERT INTO "LessonProgress" (userId, lessonId, completedAt, contentVersion) SELECT ?, lessonId, completedAt, contentVersion FROM "LessonProgress" WHERE userId = ? AND lessonId <> ?`,
    );
    return Array.from({ length: count }, (_, i) => {
      const id = cloneUser(sql, from, `crash-credential-${i}@example.test`);
      copyLessons.run(id, from, LAST_LESSON);
      copyAttempts.run({ prefix: `${id}-`, id, from });
      sql
        .prepare('INSERT INTO "Enrolment" (id, userId, courseId) VALUES (?, ?, ?)')
        .run(crypto.randomUUID(), id, "legal-practice");
      return { id, cookie: insertSession(sql, id) };
    });
  });
}

/** The demo org admin's session, organization and a cohort of it for the CSV files. */
export function importer(file: string): { cookie: string; orgId: string; cohort: string } {
  return withFile(file, (sql) => {
    const admin = userIdOf(sql, "orgadmin@demo.puente.test");
    const { orgId } = sql
      .prepare(
        `SELECT m.orgId FROM "Membership" m JOIN "MembershipRole" r ON r.membershipId = m.id WHERE m.userId = ? AND r.role = 'org_admin'`,
      )
      .get(admin) as { orgId: string };
    const cohort = `Crash cohort ${crypto.randomBytes(3).toString("hex")}`;
    sql
      .prepare('INSERT INTO "Cohort" (id, orgId, name, startsOn, endsOn) VALUES (?, ?, ?, ?, ?)')
      .run(crypto.randomUUID(), orgId, cohort, isoNow(), isoNow(9e9));
    return { cookie: insertSession(sql, admin), orgId, cohort };
  });
}

/** The platform admin's session and an account for them to deactivate and reactivate. */
export function adminAndTarget(file: string): { cookie: string; target: string } {
  return withFile(file, (sql) => {
    const target = cloneUser(sql, userIdOf(sql, LEARNER), "crash-audit@example.test");
    return { cookie: insertSession(sql, userIdOf(sql, "admin@demo.puente.test")), target };
  });
}
