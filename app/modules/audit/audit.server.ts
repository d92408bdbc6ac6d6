import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";

export type AuditInput = { actorId: string | null; action: string; subject: string; data?: Record<string, unknown> };

const GENESIS = "0".repeat(64);

export function chainHash(prevHash: string, at: string, input: Required<Omit<AuditInput, "data">> & { data: string }) {
  return crypto
    .createHash("sha256")
    .update([prevHash, at, input.actorId ?? "", input.action, input.subject, input.data].join("\u001f"))
    .digest("hex");
}

/**
 * Appends an event whose hash covers the previous event's hash. The unique index on `hash`
 * plus the retry make two concurrent writers unable to fork the chain silently.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  const data = JSON.stringify(input.data ?? {});
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
    const prevHash = last?.hash ?? GENESIS;
    const at = new Date();
    const hash = chainHash(prevHash, at.toISOString(), {
      actorId: input.actorId,
      action: input.action,
      subject: input.subject,
      data,
    });
    try {
      await db.auditEvent.create({
        data: { at, actorId: input.actorId, action: input.action, subject: input.subject, data, prevHash, hash },
        select: { seq: true },
      });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Walks the chain; returns the first broken sequence number, or null when intact. */
export async function verifyAuditChain(): Promise<{ events: number; brokenAt: number | null }> {
  const events = await db.auditEvent.findMany({
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, actorId: true, action: true, subject: true, data: true, prevHash: true, hash: true },
  });
  let prev = GENESIS;
  for (const e of events) {
    const expected = chainHash(prev, e.at.toISOString(), {
      actorId: e.actorId,
      action: e.action,
      subject: e.subject,
      data: e.data,
    });
    if (e.prevHash !== prev || e.hash !== expected) return { events: events.length, brokenAt: e.seq };
    prev = e.hash;
  }
  return { events: events.length, brokenAt: null };
}
