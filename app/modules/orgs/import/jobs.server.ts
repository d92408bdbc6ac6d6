// Import jobs: confirming, running batch after batch, resuming, and what the pages read.
// A confirmed job is applied by the process that confirmed it; if that process stops (a
// crash, a deploy), the job stays "running" with a lease that runs out, and the next sweep
// takes it over — every app server sweeps at start-up and every 30 seconds, and opening the
// job's page does the same for that job. Each batch commits on its own, so resuming starts
// at the first row not applied.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { applyNextBatch, LEASE_MS } from "./apply.server.ts";
import { IMPORT_BATCH_SIZE, IMPORT_PAGE_SIZE, type RowFilter, type RowPlan } from "./constants.ts";
import { drainOutbox, OUTBOX_TICK_MS } from "./outbox.server.ts";

// The run of each job this process is applying, so a second start joins it instead.
const inProcess = new Map<string, Promise<void>>();

/** Takes the job for this process unless another holds a live lease. */
async function claim(jobId: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.importJob.updateMany({
    where: { id: jobId, status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

export type RunOptions = {
  batchSize?: number;
  /** Stops after this many batches, leaving the job running with its lease (tests: a crash between batches). */
  stopAfterBatches?: number;
};

/** Applies the job's remaining batches; resolves when it is finished (or another process has it). */
export function runImportJob(jobId: string, options: RunOptions = {}): Promise<void> {
  const current = inProcess.get(jobId);
  if (current) return current;
  const run = applyAll(jobId, options).finally(() => inProcess.delete(jobId));
  inProcess.set(jobId, run);
  return run;
}

async function applyAll(jobId: string, options: RunOptions): Promise<void> {
  try {
    if (!(await claim(jobId))) return;
    let batches = 0;
    for (;;) {
      const result = await applyNextBatch(jobId, options.batchSize ?? IMPORT_BATCH_SIZE);
      if (result.done) return;
      batches += 1;
      if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) return;
      // Let requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    console.error(`import ${jobId} paused:`, error instanceof Error ? error.message : error);
    // Let the next sweep try again soon rather than after a full lease.
    await db.importJob
      .updateMany({ where: { id: jobId, status: "running" }, data: { leaseUntil: new Date(Date.now() + 5_000) } })
      .catch(() => undefined);
  }
}

/** Resolves once this process is no longer applying the job (at once if it is not). */
export async function importJobSettled(jobId: string): Promise<void> {
  await inProcess.get(jobId);
}

/** Runs in the background (a page's action returns at once; the page shows progress). */
export function startImportJob(jobId: string): void {
  void runImportJob(jobId);
}

/** Every running job nobody holds: resumed one after the other. Returns how many were taken up. */
export async function resumeImportJobs(options: RunOptions = {}): Promise<number> {
  const now = new Date();
  const stalled = await db.importJob.findMany({
    where: { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    select: { id: true },
    orderBy: { confirmedAt: "asc" },
    take: 20,
  });
  for (const job of stalled) await runImportJob(job.id, options);
  return stalled.length;
}

/** Opening a running job's page takes it up when its lease has run out. */
export async function resumeIfStalled(job: { id: string; status: string; leaseUntil: Date | null }): Promise<void> {
  if (job.status !== "running") return;
  if (job.leaseUntil && job.leaseUntil > new Date()) return;
  startImportJob(job.id);
}

/** planned → running, once (a second click finds it running). Audited. */
export async function confirmImport(jobId: string, orgId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, orgId, status: "planned" },
      data: { status: "running", confirmedAt: new Date() },
    });
    if (count !== 1) return false;
    await recordAudit(tx, { actorId, action: "org.import.confirmed", subject: `org:${orgId}`, data: { jobId } });
    return true;
  });
}

/** A dry run the admin does not want: its rows (names and addresses) are deleted. */
export async function discardImport(jobId: string, orgId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, orgId, status: "planned" },
      data: { status: "discarded", finishedAt: new Date() },
    });
    if (count !== 1) return false;
    await tx.importRow.deleteMany({ where: { jobId } });
    return true;
  });
}

const jobSelect = {
  id: true,
  orgId: true,
  fileName: true,
  encoding: true,
  status: true,
  totalRows: true,
  errorRows: true,
  appliedRows: true,
  batches: true,
  leaseUntil: true,
  createdAt: true,
  confirmedAt: true,
  finishedAt: true,
  org: { select: { name: true } },
} as const;

/** The job, when it belongs to one of `orgIds` (the caller's); null otherwise. */
export async function findImportJob(jobId: string, orgIds: string[]) {
  return db.importJob.findFirst({ where: { id: jobId, orgId: { in: orgIds } }, select: jobSelect });
}

export async function recentImportJobs(orgId: string, take = 20) {
  return db.importJob.findMany({
    where: { orgId, status: { not: "discarded" } },
    select: jobSelect,
    orderBy: { createdAt: "desc" },
    take,
  });
}

function rowWhere(jobId: string, filter: RowFilter) {
  if (filter === "applied") return { jobId, appliedAt: { not: null }, outcome: { not: "error" } };
  if (filter === "pending") return { jobId, appliedAt: null, plan: { not: "error" } };
  if (filter === "all") return { jobId };
  // Before the rows are applied, their plan; once applied, what happened.
  return { jobId, OR: [{ appliedAt: null, plan: filter }, { outcome: filter }] };
}

/** Counts by plan and by outcome, and one page of rows (by line), for the report. */
export async function importReport(jobId: string, filter: RowFilter, page: number) {
  const [byPlan, byOutcome, total] = await Promise.all([
    db.importRow.groupBy({ by: ["plan"], where: { jobId }, _count: { _all: true } }),
    db.importRow.groupBy({ by: ["outcome"], where: { jobId, appliedAt: { not: null } }, _count: { _all: true } }),
    db.importRow.count({ where: rowWhere(jobId, filter) }),
  ]);
  const pages = Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.importRow.findMany({
    where: rowWhere(jobId, filter),
    select: {
      line: true,
      name: true,
      email: true,
      language: true,
      role: true,
      cohort: true,
      plan: true,
      reason: true,
      notes: true,
      outcome: true,
      appliedAt: true,
    },
    orderBy: { line: "asc" },
    skip: (current - 1) * IMPORT_PAGE_SIZE,
    take: IMPORT_PAGE_SIZE,
  });
  const count = (list: { _count: { _all: number } }[], pick: (x: never) => string | null) =>
    Object.fromEntries(list.map((x) => [pick(x as never) ?? "", x._count._all])) as Partial<Record<RowPlan, number>>;
  return {
    planned: count(byPlan, (x: { plan: string }) => x.plan),
    outcomes: count(byOutcome, (x: { outcome: string | null }) => x.outcome),
    rows: rows.map((r) => ({ ...r, notes: parseNotes(r.notes) })),
    total,
    page: current,
    pages,
  };
}

/** Every row in line order, for the CSV of the report. */
export async function importRowsForExport(jobId: string) {
  return db.importRow.findMany({
    where: { jobId },
    select: { line: true, name: true, email: true, role: true, cohort: true, plan: true, reason: true, outcome: true },
    orderBy: { line: "asc" },
  });
}

function parseNotes(text: string): { code: string; line?: number; role?: string }[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as { code: string; line?: number; role?: string }[]) : [];
  } catch {
    return [];
  }
}

const timers = globalThis as unknown as { puenteImportTimer?: NodeJS.Timeout; puenteOutboxTimer?: NodeJS.Timeout };
export const SWEEP_MS = 30_000;

async function sweep(): Promise<void> {
  try {
    await resumeImportJobs();
  } catch (error) {
    console.error("import sweep failed:", error instanceof Error ? error.message : error);
  }
}

/**
 * Once per process: resumes stalled imports now and every 30 seconds, and drains the
 * invitation outbox. The timers never keep the process alive.
 */
export function startImportWorkers(): void {
  if (timers.puenteImportTimer) return;
  timers.puenteImportTimer = setInterval(() => void sweep(), SWEEP_MS);
  timers.puenteImportTimer.unref();
  timers.puenteOutboxTimer = setInterval(() => {
    drainOutbox().catch((error: unknown) =>
      console.error("invitation outbox failed:", error instanceof Error ? error.message : error),
    );
  }, OUTBOX_TICK_MS);
  timers.puenteOutboxTimer.unref();
  void sweep();
}
