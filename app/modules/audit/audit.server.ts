import crypto from "node:crypto";
import { crashPoint, db, type Tx } from "~/modules/db/index.server.ts";

/**
 * What happened, by whom, to what: ids and changed values only — never names or email
 * addresses, which would outlive the person's removal in a chain nobody may edit.
 */
export type AuditInput = { actorId: string | null; action: string; subject: string; data?: Record<string, unknown> };

export const GENESIS = "0".repeat(64);
const HEAD_ID = 1;

export function chainHash(prevHash: string, at: string, input: Required<Omit<AuditInput, "data">> & { data: string }) {
  return crypto
    .createHash("sha256")
    .update([prevHash, at, input.actorId ?? "", input.action, input.subject, input.data].join("\u001f"))
    .digest("hex");
}

/**
 * Appends an event inside `tx`, the transaction of the change it records: both are written
 * or neither. Taking the head row first makes concurrent appends wait for each other (its
 * row lock on PostgreSQL; on SQLite the transaction already holds the write lock), so each
 * event follows the one committed before it. Call it last in the transaction, so the head's
 * lock is held briefly and always taken after the change's own rows.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const head = await tx.auditHead.update({
    where: { id: HEAD_ID },
    data: { appends: { increment: 1 } },
    select: { lastHash: true },
  });
  const data = JSON.stringify(input.data ?? {});
  const at = new Date();
  const hash = chainHash(head.lastHash, at.toISOString(), {
    actorId: input.actorId,
    action: input.action,
    subject: input.subject,
    data,
  });
  const event = await tx.auditEvent.create({
    data: {
      at,
      actorId: input.actorId,
      action: input.action,
      subject: input.subject,
      data,
      prevHash: head.lastHash,
      hash,
    },
    select: { seq: true },
  });
  // Between the event and the head's advance: the one moment the two could disagree.
  await crashPoint("audit-append");
  await tx.auditHead.update({
    where: { id: HEAD_ID },
    data: { lastSeq: event.seq, lastHash: hash },
    select: { id: true },
  });
}

export type ChainReport = { events: number; brokenAt: number | null; problem: string | null };

/** An event as the chain checks it (the crash-safety test reads them with SQL). */
export type ChainEvent = {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  subject: string;
  data: string;
  prevHash: string;
  hash: string;
};
export type ChainHead = { appends: number; lastSeq: number; lastHash: string };

/**
 * Walks the chain in order and names the first broken or missing link: an event whose hash
 * does not match its content (altered), one that does not follow its predecessor (an event
 * before it was deleted or altered), or a head that does not match the last event (events
 * deleted from the end).
 */
export async function verifyAuditChain(): Promise<ChainReport> {
  const [events, head] = await Promise.all([
    db.auditEvent.findMany({
      orderBy: { seq: "asc" },
      select: {
        seq: true,
        at: true,
        actorId: true,
        action: true,
        subject: true,
        data: true,
        prevHash: true,
        hash: true,
      },
    }),
    db.auditHead.findUnique({ where: { id: HEAD_ID }, select: { appends: true, lastSeq: true, lastHash: true } }),
  ]);
  return checkAuditChain(events, head);
}

/** `verifyAuditChain` over events (in `seq` order) and the head row already read. */
export function checkAuditChain(events: readonly ChainEvent[], head: ChainHead | null): ChainReport {
  const report = (brokenAt: number | null, problem: string | null) => ({ events: events.length, brokenAt, problem });
  let prev = GENESIS;
  let prevSeq = 0;
  for (const e of events) {
    if (e.prevHash !== prev) {
      if (e.seq - prevSeq > 1) {
        const missing = e.seq - prevSeq === 2 ? `event ${prevSeq + 1} is` : `events ${prevSeq + 1}–${e.seq - 1} are`;
        return report(prevSeq + 1, `${missing} missing: event ${e.seq} does not follow event ${prevSeq || "zero"}`);
      }
      return report(e.seq, `event ${e.seq} does not follow event ${prevSeq || "zero"}: one of them was altered`);
    }
    const expected = chainHash(prev, e.at.toISOString(), {
      actorId: e.actorId,
      action: e.action,
      subject: e.subject,
      data: e.data,
    });
    if (e.hash !== expected) return report(e.seq, `event ${e.seq} was altered: its hash does not match its content`);
    prev = e.hash;
    prevSeq = e.seq;
  }
  if (!head) return report(null, "the chain's head row is missing");
  if (head.lastHash !== prev) {
    return report(
      head.lastSeq,
      `the chain ends at event ${prevSeq || "zero"} but its head says ${head.lastSeq}: events at its end were deleted`,
    );
  }
  if (head.appends !== events.length) {
    return report(null, `${head.appends} events were appended but ${events.length} remain`);
  }
  return report(null, null);
}
