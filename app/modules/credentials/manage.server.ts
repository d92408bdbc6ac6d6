// Revoke, suspend and reinstate (platform admins), and the holder's "confirm the name to
// view" switch. Each change bumps the list it touches and writes its audit event in the same
// transaction; a refused attempt changes nothing and is logged as a security event.
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { refreshVetting } from "~/modules/vetting/index.server.ts";
import { forgetStatusLists, touchList } from "./status-lists.server.ts";
import { isCredentialId, REVOKE_REASONS, type RevokeReason } from "./types.ts";

import { MAX_NOTE_LENGTH } from "./types.ts";

export { MAX_NOTE_LENGTH };

export type Actor = { id: string; isPlatformAdmin: boolean };

export type ManageRefusal =
  | "forbidden"
  | "notFound"
  | "reasonRequired"
  | "alreadyRevoked"
  | "notSuspended"
  | "alreadySuspended"
  | "noteTooLong";
export type ManageOutcome = { ok: true } | { ok: false; reason: ManageRefusal };

async function refuse(
  actor: Actor,
  action: string,
  credentialId: string,
  reason: ManageRefusal,
): Promise<ManageOutcome> {
  await recordSecurityEvent({
    kind: `credential.${action}.refused`,
    actorId: actor.id,
    subject: `credential:${isCredentialId(credentialId) ? credentialId : "invalid"}`,
    data: { reason },
  });
  return { ok: false, reason };
}

const STATE_SELECT = {
  id: true,
  userId: true,
  revokedAt: true,
  suspendedAt: true,
  revocationListId: true,
  suspensionListId: true,
} as const;

async function load(credentialId: string) {
  if (!isCredentialId(credentialId)) return null;
  return db.credential.findUnique({ where: { id: credentialId }, select: STATE_SELECT });
}

const cleanNote = (note: string | null | undefined) => (note ?? "").trim();

export function isRevokeReason(value: unknown): value is RevokeReason {
  return typeof value === "string" && (REVOKE_REASONS as readonly string[]).includes(value);
}

export async function revokeCredential(
  actor: Actor,
  credentialId: string,
  input: { reason: unknown; note?: string | null },
  now = new Date(),
): Promise<ManageOutcome> {
  if (!actor.isPlatformAdmin) return refuse(actor, "revoke", credentialId, "forbidden");
  const note = cleanNote(input.note);
  if (!isRevokeReason(input.reason)) return refuse(actor, "revoke", credentialId, "reasonRequired");
  if (note.length > MAX_NOTE_LENGTH) return refuse(actor, "revoke", credentialId, "noteTooLong");
  if (input.reason === "other" && !note) return refuse(actor, "revoke", credentialId, "reasonRequired");
  const row = await load(credentialId);
  if (!row) return refuse(actor, "revoke", credentialId, "notFound");
  if (row.revokedAt) return refuse(actor, "revoke", credentialId, "alreadyRevoked");
  const reason = input.reason;
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.credential.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { revokedAt: now, revokeReason: reason, revokeNote: note || null },
    });
    if (updated.count !== 1) return false;
    await touchList(tx, row.revocationListId);
    await refreshVetting(tx, row.userId, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "credential.revoked",
      subject: `credential:${row.id}`,
      data: { reason },
    });
    return true;
  });
  if (!changed) return refuse(actor, "revoke", credentialId, "alreadyRevoked");
  forgetStatusLists(row.revocationListId);
  return { ok: true };
}

export async function suspendCredential(
  actor: Actor,
  credentialId: string,
  input: { note?: string | null },
  now = new Date(),
): Promise<ManageOutcome> {
  if (!actor.isPlatformAdmin) return refuse(actor, "suspend", credentialId, "forbidden");
  const note = cleanNote(input.note);
  if (note.length > MAX_NOTE_LENGTH) return refuse(actor, "suspend", credentialId, "noteTooLong");
  const row = await load(credentialId);
  if (!row) return refuse(actor, "suspend", credentialId, "notFound");
  if (row.revokedAt) return refuse(actor, "suspend", credentialId, "alreadyRevoked");
  if (row.suspendedAt) return refuse(actor, "suspend", credentialId, "alreadySuspended");
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.credential.updateMany({
      where: { id: row.id, revokedAt: null, suspendedAt: null },
      data: { suspendedAt: now, suspendNote: note || null },
    });
    if (updated.count !== 1) return false;
    await touchList(tx, row.suspensionListId);
    await refreshVetting(tx, row.userId, now);
    await recordAudit(tx, { actorId: actor.id, action: "credential.suspended", subject: `credential:${row.id}` });
    return true;
  });
  if (!changed) return refuse(actor, "suspend", credentialId, "alreadySuspended");
  forgetStatusLists(row.suspensionListId);
  return { ok: true };
}

/** Lifts a suspension. A revocation is final and cannot be reinstated. */
export async function reinstateCredential(
  actor: Actor,
  credentialId: string,
  now = new Date(),
): Promise<ManageOutcome> {
  if (!actor.isPlatformAdmin) return refuse(actor, "reinstate", credentialId, "forbidden");
  const row = await load(credentialId);
  if (!row) return refuse(actor, "reinstate", credentialId, "notFound");
  if (row.revokedAt) return refuse(actor, "reinstate", credentialId, "alreadyRevoked");
  if (!row.suspendedAt) return refuse(actor, "reinstate", credentialId, "notSuspended");
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.credential.updateMany({
      where: { id: row.id, revokedAt: null, suspendedAt: { not: null } },
      data: { suspendedAt: null, suspendNote: null },
    });
    if (updated.count !== 1) return false;
    await touchList(tx, row.suspensionListId);
    await refreshVetting(tx, row.userId, now);
    await recordAudit(tx, { actorId: actor.id, action: "credential.reinstated", subject: `credential:${row.id}` });
    return true;
  });
  if (!changed) return refuse(actor, "reinstate", credentialId, "notSuspended");
  forgetStatusLists(row.suspensionListId);
  return { ok: true };
}

/** The holder's switch: show the name on /verify only to a visitor who types it. */
export async function setNameConfirmation(userId: string, credentialId: string, on: boolean): Promise<boolean> {
  if (!isCredentialId(credentialId)) return false;
  return db.$transaction(async (tx) => {
    const updated = await tx.credential.updateMany({
      where: { id: credentialId, userId, nameConfirmation: !on },
      data: { nameConfirmation: on },
    });
    if (updated.count === 1)
      await recordAudit(tx, {
        actorId: userId,
        action: on ? "credential.name-confirmation.on" : "credential.name-confirmation.off",
        subject: `credential:${credentialId}`,
      });
    return updated.count === 1;
  });
}
