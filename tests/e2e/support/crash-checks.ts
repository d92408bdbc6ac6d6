// What must hold in the crash-safety test's database after every kill, path by path: read with
// plain SQL on the file while no server runs (tests/e2e/support/crash.ts). Each returns the
// problems it found; an empty list is a recovered database.
import type Database from "better-sqlite3";
import { snapshotItems } from "~/modules/quiz/index.server.ts";
import { auditChainProblem } from "./crash.ts";

type Sql = Database.Database;

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** The audit chain verifies; every path checks it. */
export function chainProblems(sql: Sql): string[] {
  const problem = auditChainProblem(sql);
  return problem ? [`audit chain: ${problem}`] : [];
}

type AttemptRow = {
  id: string;
  status: string;
  snapshot: string;
  percent: number | null;
  passed: number | null;
  scorePoints: number | null;
};

/**
 * Quiz attempts of `userIds`: a submitted one has its score and a graded response per item; an
 * open one has no score, and `open` (the attempt being worked on) holds exactly the answers
 * whose autosave was acknowledged.
 */
export function quizProblems(sql: Sql, userIds: string[], open: { id: string; saved: Set<string> } | null): string[] {
  const problems = chainProblems(sql);
  const attempts = sql
    .prepare(`SELECT * FROM "QuizAttempt" WHERE userId IN (${placeholders(userIds)})`)
    .all(...userIds) as AttemptRow[];
  for (const a of attempts) {
    const items = snapshotItems(JSON.parse(a.snapshot));
    const responses = sql
      .prepare('SELECT itemKey, answer, score FROM "QuizResponse" WHERE attemptId = ?')
      .all(a.id) as { itemKey: string; answer: string; score: number | null }[];
    if (a.status === "submitted") {
      if (a.percent === null || a.passed === null || a.scorePoints === null) problems.push(`attempt ${a.id}: no score`);
      const graded = responses.filter((r) => r.score !== null).length;
      if (graded !== items.length) problems.push(`attempt ${a.id}: ${graded} of ${items.length} responses graded`);
    } else if (a.status === "open") {
      if (a.percent !== null || a.passed !== null) problems.push(`attempt ${a.id}: open with a score`);
      if (open?.id === a.id) {
        const answered = responses.filter((r) => r.answer !== "null").map((r) => r.itemKey);
        const expected = [...open.saved].sort();
        if (answered.sort().join() !== expected.join()) {
          problems.push(`attempt ${a.id}: answers ${answered.join()} where ${expected.join()} were saved`);
        }
      }
    } else problems.push(`attempt ${a.id}: status ${a.status}`);
  }
  return problems;
}

/**
 * Credentials of `userIds`: each has its signed JSON, its status-list index (unique on its
 * list) and its audit event, or none of them exist; at most one per achievement; a course
 * recorded as completed has its credential; `earned` (acknowledged) have theirs.
 */
export function credentialProblems(sql: Sql, userIds: string[], earned: Set<string>, achievementId: string): string[] {
  const problems = chainProblems(sql);
  const rows = sql
    .prepare(
      `SELECT id, userId, achievementId, signedJson, revocationListId, statusListIndex FROM "Credential" WHERE userId IN (${placeholders(userIds)})`,
    )
    .all(...userIds) as {
    id: string;
    userId: string;
    achievementId: string;
    signedJson: string | null;
    revocationListId: string | null;
    statusListIndex: number | null;
  }[];
  const event = sql.prepare('SELECT count(*) AS n FROM "AuditEvent" WHERE action = ? AND subject = ?');
  const sharing = sql.prepare(
    'SELECT count(*) AS n FROM "Credential" WHERE revocationListId = ? AND statusListIndex = ? AND id <> ?',
  );
  for (const c of rows) {
    const signed = c.signedJson ? (JSON.parse(c.signedJson) as { proof?: unknown; id?: string }) : null;
    if (!signed?.proof || !signed.id?.includes(c.id)) problems.push(`credential ${c.id}: no signed JSON`);
    if (c.revocationListId === null || c.statusListIndex === null) problems.push(`credential ${c.id}: no status index`);
    else if ((sharing.get(c.revocationListId, c.statusListIndex, c.id) as { n: number }).n > 0) {
      problems.push(`credential ${c.id}: its status index is another's`);
    }
    if ((event.get("credential.issued", `credential:${c.id}`) as { n: number }).n !== 1) {
      problems.push(`credential ${c.id}: no audit event`);
    }
  }
  const ids = new Set(rows.map((r) => `credential:${r.id}`));
  const ours = new Set(userIds);
  const issued = sql.prepare(`SELECT subject, data FROM "AuditEvent" WHERE action = 'credential.issued'`).all() as {
    subject: string;
    data: string;
  }[];
  for (const e of issued) {
    const data = JSON.parse(e.data) as { userId?: string };
    if (data.userId && ours.has(data.userId) && !ids.has(e.subject)) problems.push(`${e.subject}: audited, missing`);
  }
  const completed = sql
    .prepare(
      `SELECT userId FROM "Enrolment" WHERE completedAt IS NOT NULL AND courseId = 'legal-practice' AND userId IN (${placeholders(userIds)})`,
    )
    .all(...userIds) as { userId: string }[];
  const holders = new Map<string, number>();
  for (const c of rows.filter((r) => r.achievementId === achievementId)) {
    holders.set(c.userId, (holders.get(c.userId) ?? 0) + 1);
  }
  for (const [userId, n] of holders) if (n > 1) problems.push(`user ${userId}: ${n} credentials`);
  for (const { userId } of completed) {
    if (!holders.has(userId)) problems.push(`user ${userId}: course recorded as completed without its credential`);
  }
  for (const userId of earned) if (!holders.has(userId)) problems.push(`user ${userId}: acknowledged, no credential`);
  return problems;
}

/**
 * Import jobs: every batch (here each job is one) applied whole or not at all — rows marked,
 * accounts made, progress counted and audited together; a finished job applied every row;
 * a job whose confirmation was acknowledged is running or finished.
 */
export function importProblems(sql: Sql, jobs: Map<string, string[]>): string[] {
  const problems = chainProblems(sql);
  for (const [jobId, emails] of jobs) {
    const job = sql.prepare('SELECT status, appliedRows, batches FROM "ImportJob" WHERE id = ?').get(jobId) as
      | { status: string; appliedRows: number; batches: number }
      | undefined;
    if (!job || (job.status !== "running" && job.status !== "finished")) {
      problems.push(`job ${jobId}: ${job?.status ?? "missing"} after its confirmation was acknowledged`);
      continue;
    }
    const count = (query: string, ...params: unknown[]) => (sql.prepare(query).get(...params) as { n: number }).n;
    const applied = count('SELECT count(*) AS n FROM "ImportRow" WHERE jobId = ? AND appliedAt IS NOT NULL', jobId);
    const users = count(`SELECT count(*) AS n FROM "User" WHERE email IN (${placeholders(emails)})`, ...emails);
    const audited = (action: string) =>
      count('SELECT count(*) AS n FROM "AuditEvent" WHERE action = ? AND data LIKE ?', action, `%"jobId":"${jobId}"%`);
    if (job.appliedRows !== applied)
      problems.push(`job ${jobId}: counts ${job.appliedRows} applied, ${applied} marked`);
    if (applied !== 0 && applied !== emails.length) problems.push(`job ${jobId}: ${applied} of one batch applied`);
    if (users !== applied) problems.push(`job ${jobId}: ${users} accounts for ${applied} applied rows`);
    if (audited("org.import.batch") !== job.batches)
      problems.push(`job ${jobId}: ${job.batches} batches audited apart`);
    if (job.status === "finished" && (applied !== emails.length || audited("org.import.finished") !== 1)) {
      problems.push(`job ${jobId}: finished with ${applied} rows applied`);
    }
  }
  return problems;
}

/** The account's state and the changes of it the audit log holds, oldest first. */
export function toggleState(sql: Sql, userId: string): { deactivated: boolean; audited: string[] } {
  const events = sql
    .prepare(
      `SELECT action FROM "AuditEvent" WHERE subject = ? AND action IN ('user.deactivated', 'user.reactivated') ORDER BY seq`,
    )
    .all(`user:${userId}`) as { action: string }[];
  const user = sql.prepare('SELECT deactivatedAt FROM "User" WHERE id = ?').get(userId) as {
    deactivatedAt: string | null;
  };
  return { deactivated: user.deactivatedAt !== null, audited: events.map((e) => e.action) };
}

/** The account toggled on and off: its state is the one its last audited change says. */
export function toggleProblems(sql: Sql, userId: string, acknowledgedChanges: number): string[] {
  const problems = chainProblems(sql);
  const { deactivated, audited } = toggleState(sql, userId);
  const last = audited.at(-1) ?? "user.reactivated";
  if (deactivated !== (last === "user.deactivated")) {
    problems.push(`user ${userId}: deactivated ${deactivated}, last audited ${last}`);
  }
  if (audited.length < acknowledgedChanges || audited.length > acknowledgedChanges + 1) {
    problems.push(`user ${userId}: ${audited.length} audited changes, ${acknowledgedChanges} acknowledged`);
  }
  return problems;
}
