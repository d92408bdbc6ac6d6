// Issue 8 item 13: the prune job deletes exactly what has expired or what the privacy
// notice promises to delete, and nothing else.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { prune } from "~/modules/maintenance/index.server.ts";
import { createOrg, createUser, resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const DAY = 24 * 60 * 60_000;
const NOW = new Date("2026-12-05T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

async function token(userId: string, label: string, fields: { expiresAt: Date; usedAt?: Date | null }) {
  await db.emailToken.create({
    data: { userId, purpose: "reset-password", email: "x@example.test", tokenHash: label, usedAt: null, ...fields },
  });
}

describe("prune", () => {
  it("deletes expired sessions, spent links, old records and counters, and accounts past retention only", async () => {
    const active = await createUser();
    const recentlyGone = await createUser();
    const longGone = await createUser();
    await db.user.update({ where: { id: recentlyGone.id }, data: { deactivatedAt: ago(700 * DAY) } });
    await db.user.update({ where: { id: longGone.id }, data: { deactivatedAt: ago(731 * DAY) } });
    await db.quizAccommodation.create({
      data: { userId: longGone.id, quizId: "q1", extraMinutes: 5, grantedById: active.id },
    });
    await db.quizAccommodation.create({
      data: { userId: active.id, quizId: "q1", extraMinutes: 5, grantedById: longGone.id },
    });
    await db.enrolment.create({ data: { userId: longGone.id, courseId: "c1" } });

    await db.session.createMany({
      data: [
        { id: "expired", userId: active.id, expiresAt: ago(1000) },
        { id: "live", userId: active.id, expiresAt: ahead(1000) },
      ],
    });
    await token(active.id, "used", { expiresAt: ahead(DAY), usedAt: ago(1000) });
    await token(active.id, "expired", { expiresAt: ago(1000) });
    await token(active.id, "open", { expiresAt: ahead(1000) });
    await db.loginAttempt.createMany({
      data: [
        { key: "account:old@example.test", succeeded: false, createdAt: ago(91 * DAY) },
        { key: "account:new@example.test", succeeded: false, createdAt: ago(89 * DAY) },
      ],
    });
    await db.rateLimitEvent.createMany({
      data: [
        { key: "mail:to:old@example.test", createdAt: ago(DAY + 1000) },
        { key: "mail:to:new@example.test", createdAt: ago(DAY - 60_000) },
      ],
    });

    await db.securityEvent.createMany({
      data: [
        { kind: "vetting.read.refused", subject: "user:old", at: ago(366 * DAY) },
        { kind: "vetting.read.refused", subject: "user:new", at: ago(364 * DAY) },
      ],
    });

    expect(await prune(NOW)).toEqual({
      sessions: 1,
      tokens: 2,
      signInRecords: 1,
      rateLimitEvents: 1,
      securityEvents: 1,
      accounts: 1,
      importRows: 0,
    });

    expect((await db.session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(["live"]);
    expect((await db.emailToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash)).toEqual(["open"]);
    expect((await db.loginAttempt.findMany({ select: { key: true } })).map((r) => r.key)).toEqual([
      "account:new@example.test",
    ]);
    expect((await db.rateLimitEvent.findMany({ select: { key: true } })).map((r) => r.key)).toEqual([
      "mail:to:new@example.test",
    ]);
    expect(await db.securityEvent.findMany({ select: { subject: true } })).toEqual([{ subject: "user:new" }]);
    const users = (await db.user.findMany({ select: { id: true } })).map((u) => u.id).sort();
    expect(users).toEqual([active.id, recentlyGone.id].sort());
    expect(await db.enrolment.count()).toBe(0);
    expect(await db.quizAccommodation.findMany({ select: { userId: true } })).toEqual([{ userId: active.id }]);

    // A second run finds nothing more.
    expect(await prune(NOW)).toEqual({
      sessions: 0,
      tokens: 0,
      signInRecords: 0,
      rateLimitEvents: 0,
      securityEvents: 0,
      accounts: 0,
      importRows: 0,
    });
  });
});

describe("prune: roster import rows", () => {
  async function job(orgId: string, status: string, fields: { createdAt: Date; finishedAt?: Date | null }) {
    const created = await db.importJob.create({
      data: { orgId, fileName: `${status}.csv`, encoding: "utf-8", status, totalRows: 2, errorRows: 0, ...fields },
      select: { id: true },
    });
    await db.importRow.createMany({
      data: [2, 3].map((line) => ({
        jobId: created.id,
        line,
        name: `Person ${line}`,
        email: `p${line}@example.test`,
        language: "en",
        role: "learner",
        cohort: "G",
        plan: "new",
      })),
    });
    return created.id;
  }

  it("deletes the rows of imports finished, and of dry runs left unconfirmed, more than 30 days ago; the jobs stay", async () => {
    const org = await createOrg();
    const oldFinished = await job(org.id, "finished", { createdAt: ago(40 * DAY), finishedAt: ago(31 * DAY) });
    const recentFinished = await job(org.id, "finished", { createdAt: ago(40 * DAY), finishedAt: ago(29 * DAY) });
    const running = await job(org.id, "running", { createdAt: ago(60 * DAY) });
    const abandoned = await job(org.id, "planned", { createdAt: ago(31 * DAY) });
    const freshPlan = await job(org.id, "planned", { createdAt: ago(2 * DAY) });

    expect((await prune(NOW)).importRows).toBe(4);
    const left = await db.importRow.groupBy({ by: ["jobId"], _count: { _all: true } });
    expect(Object.fromEntries(left.map((r) => [r.jobId, r._count._all]))).toEqual({
      [recentFinished]: 2,
      [running]: 2,
      [freshPlan]: 2,
    });
    const jobs = await db.importJob.findMany({ select: { id: true, status: true } });
    expect(jobs).toHaveLength(5);
    expect(jobs.find((j) => j.id === abandoned)?.status).toBe("discarded");
    expect(jobs.find((j) => j.id === oldFinished)?.status).toBe("finished");
    expect((await prune(NOW)).importRows).toBe(0);
  });

  it("the retention period is configurable", async () => {
    const { env } = await import("~/env.server.ts");
    const org = await createOrg();
    await job(org.id, "finished", { createdAt: ago(10 * DAY), finishedAt: ago(8 * DAY) });
    const before = env.IMPORT_ROW_RETENTION_DAYS;
    (env as { IMPORT_ROW_RETENTION_DAYS: number }).IMPORT_ROW_RETENTION_DAYS = 7;
    try {
      expect((await prune(NOW)).importRows).toBe(2);
    } finally {
      (env as { IMPORT_ROW_RETENTION_DAYS: number }).IMPORT_ROW_RETENTION_DAYS = before;
    }
  });
});

describe("running the prune", () => {
  it("`npm run db:prune` prunes the configured database and says what it deleted", async () => {
    const user = await createUser();
    await db.session.create({ data: { id: "stale", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db/prune.ts"], {
      encoding: "utf8",
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toMatch(/^prune: deleted 1 expired sessions, /m);
    expect(await db.session.count()).toBe(0);
  });

  it("the server's schedule prunes at once and then on an unref'd six-hour timer", async () => {
    const user = await createUser();
    await db.session.create({ data: { id: "stale", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { startPruneSchedule, PRUNE_INTERVAL_MS } = await import("~/modules/maintenance/index.server.ts");
    startPruneSchedule();
    await expect.poll(() => db.session.count()).toBe(0);
    const timer = (globalThis as { puentePruneTimer?: NodeJS.Timeout }).puentePruneTimer!;
    expect(timer.hasRef()).toBe(false);
    expect(PRUNE_INTERVAL_MS).toBe(6 * 60 * 60_000);
    await expect.poll(() => log.mock.calls.flat()).toContainEqual(expect.stringMatching(/^prune: deleted sessions 1,/));
    clearInterval(timer);
    log.mockRestore();
  });
});
