// Clearance attestations: issued by a vetting officer of the person's organization (never on
// their own record) for a person cleared under a profile, through the same signing, status
// lists and audit as the training credentials; revoked by an org admin or vetting officer of
// that organization with a reason. Suspension is never set by hand: it is the data's answer
// (clearance-status.server.ts). Refusals write nothing but a security event.
import { credentialHolder } from "~/modules/auth/index.server.ts";
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { env } from "~/env.server.ts";
import { newSalt, unsignedClearance } from "./clearance-build.server.ts";
import { standingOf, standings } from "./clearance-status.server.ts";
import { newCredentialId } from "./ids.server.ts";
import { issuer } from "./issuer.server.ts";
import { isRevokeReason } from "./manage.server.ts";
import { sign } from "./sign.server.ts";
import { allocateStatus, forgetStatusLists, statusListUrl, touchList } from "./status-lists.server.ts";
import { isCredentialId, MAX_NOTE_LENGTH } from "./types.ts";

/** Who acts, and the organizations where they may do it (officers issue; admins and officers revoke). */
export type ClearanceActor = { id: string; orgIds: readonly string[] };

export type ClearanceRefusal =
  | "notFound"
  | "ownRecord"
  | "notCleared"
  | "reasonRequired"
  | "noteTooLong"
  | "nothingToRevoke";
export type ClearanceOutcome =
  | { ok: true; clearanceId: string; attestationId: string | null }
  | { ok: false; reason: ClearanceRefusal };

/** A year at most when no requirement has an end (a profile of credentials that never lapse). */
const MAX_VALIDITY_MS = 365 * 86_400_000;

async function refuse(actor: ClearanceActor, action: string, subject: string, reason: ClearanceRefusal) {
  await recordSecurityEvent({ kind: `clearance.${action}.refused`, actorId: actor.id, subject, data: { reason } });
  return { ok: false as const, reason };
}

/** Issues (or renews: a new attestation behind the same link) a clearance attestation. */
export async function issueClearance(
  actor: ClearanceActor,
  input: { userId: string; orgId: string; profileId: string },
  now = new Date(),
): Promise<ClearanceOutcome> {
  const subject = `user:${input.userId.slice(0, 40)}`;
  // Scoped in the query: an assignment in one of the actor's organizations, or nothing.
  const assignment = await db.profileAssignment.findFirst({
    where: {
      userId: input.userId,
      orgId: { in: [...actor.orgIds].filter((id) => id === input.orgId) },
      profileId: input.profileId,
      endedAt: null,
    },
    select: { userId: true, orgId: true, profileId: true, org: { select: { name: true } } },
  });
  const profile = getProfile(input.profileId);
  if (!assignment || !profile) return refuse(actor, "issue", subject, "notFound");
  if (assignment.userId === actor.id) return refuse(actor, "issue", subject, "ownRecord");
  const key = { userId: assignment.userId, orgId: assignment.orgId, profileId: assignment.profileId };
  const standing = standingOf(await standings([key], now), key);
  if (!standing.met || (standing.soonestLapse && standing.soonestLapse <= now))
    return refuse(actor, "issue", subject, "notCleared");
  const holder = await credentialHolder(assignment.userId);
  if (!holder) return refuse(actor, "issue", subject, "notFound");
  const lang: Lang = isLang(holder.language) ? holder.language : "en";
  const validUntil = standing.soonestLapse ?? new Date(now.getTime() + MAX_VALIDITY_MS);
  const id = newCredentialId();
  const { did, appUrl } = issuer();
  const result = await db.$transaction(async (tx) => {
    const clearance = await tx.clearance.upsert({
      where: { userId_orgId_profileId: key },
      create: { id: newCredentialId(), ...key, createdAt: now },
      update: {},
      select: { id: true },
    });
    const status = await allocateStatus(tx);
    const unsigned = unsignedClearance({
      id,
      base: env.APP_URL,
      issuer: { did, appUrl },
      lang,
      profile: { id: profile.id, name: profile.name[lang], description: profile.description[lang] },
      org: { id: assignment.orgId, name: assignment.org.name },
      holderName: holder.name,
      salt: newSalt(),
      issuedAt: now,
      validUntil,
      status: { listUrl: statusListUrl(status.revocationListId), index: status.statusListIndex },
    });
    const { signed, keyId } = await sign(unsigned, now);
    await tx.clearanceAttestation.create({
      data: {
        id,
        clearanceId: clearance.id,
        issuedById: actor.id,
        issuedAt: now,
        validFrom: now,
        validUntil,
        ...status,
        keyId,
        signedJson: JSON.stringify(signed),
      },
      select: { id: true },
    });
    // The suspension list now depends on time: re-signed (with its time window) on next read.
    await touchList(tx, status.suspensionListId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "clearance.issued",
      subject: `clearance:${clearance.id}`,
      data: { attestationId: id, userId: key.userId, orgId: key.orgId, profileId: key.profileId, keyId },
    });
    return clearance.id;
  });
  forgetStatusLists();
  return { ok: true, clearanceId: result, attestationId: id };
}

/** Revokes every unrevoked attestation behind a clearance link. A later issue starts afresh. */
export async function revokeClearance(
  actor: ClearanceActor,
  input: { clearanceId: string; reason: unknown; note?: string | null },
  now = new Date(),
): Promise<ClearanceOutcome> {
  const subject = `clearance:${isCredentialId(input.clearanceId) ? input.clearanceId : "invalid"}`;
  const note = (input.note ?? "").trim();
  const clearance = isCredentialId(input.clearanceId)
    ? await db.clearance.findFirst({
        where: { id: input.clearanceId, orgId: { in: [...actor.orgIds] } },
        select: { id: true, userId: true },
      })
    : null;
  if (!clearance) return refuse(actor, "revoke", subject, "notFound");
  if (clearance.userId === actor.id) return refuse(actor, "revoke", subject, "ownRecord");
  if (!isRevokeReason(input.reason) || (input.reason === "other" && !note))
    return { ok: false, reason: "reasonRequired" };
  if (note.length > MAX_NOTE_LENGTH) return { ok: false, reason: "noteTooLong" };
  const reason = input.reason;
  const lists = await db.$transaction(async (tx) => {
    const open = await tx.clearanceAttestation.findMany({
      where: { clearanceId: clearance.id, revokedAt: null },
      select: { id: true, revocationListId: true },
    });
    if (open.length === 0) return null;
    await tx.clearanceAttestation.updateMany({
      where: { id: { in: open.map((a) => a.id) }, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.id, revokeReason: reason, revokeNote: note || null },
    });
    const listIds = [...new Set(open.map((a) => a.revocationListId))];
    for (const listId of listIds) await touchList(tx, listId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "clearance.revoked",
      subject: `clearance:${clearance.id}`,
      data: { reason, attestationIds: open.map((a) => a.id) },
    });
    return listIds;
  });
  if (!lists) return refuse(actor, "revoke", subject, "nothingToRevoke");
  for (const listId of lists) forgetStatusLists(listId);
  return { ok: true, clearanceId: clearance.id, attestationId: null };
}
