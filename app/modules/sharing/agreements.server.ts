// Sharing agreements: one organization (the grantor) lets another (the grantee) read the
// vetting status of its people under named profiles, at category level, until an end date.
// The grantor's org admin proposes, the grantee's accepts; either side ends it. Every change
// is audited in its transaction; refused attempts worth a look go to the security log.
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { MAX_AGREEMENT_YEARS, type AgreementState, type SharingErrorKey } from "./index.ts";

const DAY = 86_400_000;

/** The end date is the last day in force: the agreement stops at the next midnight (UTC). */
export function endsAt(endsOn: Date): Date {
  return new Date(endsOn.getTime() + DAY);
}

function utcDay(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
}

export function stateOf(
  a: { acceptedAt: Date | null; endedAt: Date | null; endKind: string | null; endsOn: Date },
  now: Date,
): AgreementState {
  if (a.endedAt) return a.endKind === "withdrawn" || a.endKind === "declined" ? a.endKind : "ended";
  if (endsAt(a.endsOn) <= now) return a.acceptedAt ? "expired" : "withdrawn";
  return a.acceptedAt ? "inForce" : "proposed";
}

/** Where an agreement stands, as `where` conditions: in force at `now`. */
export function inForceWhere(now: Date) {
  return { acceptedAt: { not: null }, endedAt: null, endsOn: { gt: new Date(now.getTime() - DAY) } };
}

export type Outcome = { ok: true; id: string } | { ok: false; reason: SharingErrorKey };

export async function proposeAgreement(
  actorId: string,
  callerOrgIds: readonly string[],
  input: { grantorOrgId: string; granteeOrgId: string; profileIds: string[]; endsOn: Date },
  now = new Date(),
): Promise<Outcome> {
  const { grantorOrgId, granteeOrgId, endsOn } = input;
  if (!callerOrgIds.includes(grantorOrgId)) return { ok: false, reason: "notFound" };
  const refuse = async (reason: SharingErrorKey) => {
    await recordSecurityEvent({
      kind: `sharing.propose.${reason}`,
      actorId,
      subject: `org:${grantorOrgId}`,
      data: { granteeOrgId, endsOn: endsOn.toISOString().slice(0, 10) },
    });
    return { ok: false, reason } as const;
  };
  if (granteeOrgId === grantorOrgId) return refuse("ownOrg");
  if (endsOn < utcDay(now)) return refuse("endInPast");
  const limit = new Date(utcDay(now));
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_AGREEMENT_YEARS);
  if (endsOn > limit) return { ok: false, reason: "endTooFar" };
  const profileIds = [...new Set(input.profileIds)];
  if (!profileIds.length) return { ok: false, reason: "profilesRequired" };
  if (profileIds.some((p) => !getProfile(p))) return { ok: false, reason: "unknownProfile" };
  const grantee = await db.organization.findUnique({ where: { id: granteeOrgId }, select: { id: true } });
  if (!grantee) return { ok: false, reason: "unknownOrg" };

  return db.$transaction(async (tx) => {
    // One open agreement per direction between two organizations: to change its profiles or
    // its end date, end it and propose a new one (both stay in the history).
    const open = await tx.sharingAgreement.findFirst({
      where: { grantorOrgId, granteeOrgId, endedAt: null, endsOn: { gt: new Date(now.getTime() - DAY) } },
      select: { id: true },
    });
    if (open) return { ok: false, reason: "alreadyOpen" } as const;
    const created = await tx.sharingAgreement.create({
      data: {
        grantorOrgId,
        granteeOrgId,
        endsOn,
        proposedById: actorId,
        proposedAt: now,
        profiles: { create: profileIds.map((profileId) => ({ profileId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "sharing.proposed",
      subject: `sharing:${created.id}`,
      data: { grantorOrgId, granteeOrgId, profileIds, endsOn: endsOn.toISOString().slice(0, 10) },
    });
    return { ok: true, id: created.id } as const;
  });
}

/**
 * The grantee's org admin accepts or declines; the grantor may withdraw a proposal and either
 * side may end one in force. Each is one conditional update, so two answers at once cannot
 * both land.
 */
export async function changeAgreement(
  actorId: string,
  callerOrgIds: readonly string[],
  agreementId: string,
  intent: "accept" | "decline" | "end",
  now = new Date(),
): Promise<Outcome> {
  const agreement = await db.sharingAgreement.findFirst({
    where: {
      id: agreementId,
      OR: [{ grantorOrgId: { in: [...callerOrgIds] } }, { granteeOrgId: { in: [...callerOrgIds] } }],
    },
    select: {
      id: true,
      grantorOrgId: true,
      granteeOrgId: true,
      acceptedAt: true,
      endedAt: true,
      endKind: true,
      endsOn: true,
    },
  });
  const refuse = async (reason: SharingErrorKey) => {
    await recordSecurityEvent({ kind: `sharing.${intent}.${reason}`, actorId, subject: `sharing:${agreementId}` });
    return { ok: false, reason } as const;
  };
  if (!agreement) return refuse("notFound");
  const state = stateOf(agreement, now);
  const asGrantee = callerOrgIds.includes(agreement.granteeOrgId);
  const asGrantor = callerOrgIds.includes(agreement.grantorOrgId);
  if (intent !== "end" && (!asGrantee || state !== "proposed")) {
    // Accepting for the wrong organization, or an agreement no longer open.
    return refuse(state === "proposed" ? "notFound" : state === "inForce" ? "invalid" : "expired");
  }
  if (intent === "end" && state !== "inForce" && state !== "proposed") return refuse("expired");

  const data =
    intent === "accept"
      ? { acceptedAt: now, acceptedById: actorId }
      : {
          endedAt: now,
          endedById: actorId,
          endKind: state === "inForce" ? "ended" : asGrantor && !asGrantee ? "withdrawn" : "declined",
        };
  return db.$transaction(async (tx) => {
    const { count } = await tx.sharingAgreement.updateMany({
      where: {
        id: agreement.id,
        endedAt: null,
        acceptedAt: state === "proposed" ? null : { not: null },
      },
      data,
    });
    if (count !== 1) return { ok: false, reason: "expired" } as const;
    const action =
      intent === "accept" ? "sharing.accepted" : "endKind" in data ? `sharing.${data.endKind}` : "sharing.ended";
    await recordAudit(tx, {
      actorId,
      action,
      subject: `sharing:${agreement.id}`,
      data: { grantorOrgId: agreement.grantorOrgId, granteeOrgId: agreement.granteeOrgId },
    });
    return { ok: true, id: agreement.id } as const;
  });
}

export type AgreementRow = {
  id: string;
  direction: "outgoing" | "incoming";
  partner: { id: string; name: string; country: string };
  profileIds: string[];
  endsOn: Date;
  proposedAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  state: AgreementState;
};

/** Every agreement the organization is a side of, newest first: both sides see the same history. */
export async function agreementsOf(orgId: string, now = new Date()): Promise<AgreementRow[]> {
  const rows = await db.sharingAgreement.findMany({
    where: { OR: [{ grantorOrgId: orgId }, { granteeOrgId: orgId }] },
    select: {
      id: true,
      grantorOrgId: true,
      granteeOrgId: true,
      endsOn: true,
      proposedAt: true,
      acceptedAt: true,
      endedAt: true,
      endKind: true,
      profiles: { select: { profileId: true }, orderBy: { profileId: "asc" } },
    },
    orderBy: [{ proposedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const partnerIds = [...new Set(rows.map((r) => (r.grantorOrgId === orgId ? r.granteeOrgId : r.grantorOrgId)))];
  const orgs = await db.organization.findMany({
    where: { id: { in: partnerIds } },
    select: { id: true, name: true, country: true },
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => {
    const outgoing = r.grantorOrgId === orgId;
    const partnerId = outgoing ? r.granteeOrgId : r.grantorOrgId;
    return {
      id: r.id,
      direction: outgoing ? "outgoing" : "incoming",
      partner: byId.get(partnerId) ?? { id: partnerId, name: "—", country: "" },
      profileIds: r.profiles.map((p) => p.profileId),
      endsOn: r.endsOn,
      proposedAt: r.proposedAt,
      acceptedAt: r.acceptedAt,
      endedAt: r.endedAt,
      state: stateOf(r, now),
    };
  });
}

/** Organizations an org admin may propose an agreement to: every other one. */
export async function agreementCandidates(orgId: string) {
  return db.organization.findMany({
    where: { id: { not: orgId } },
    select: { id: true, name: true, country: true },
    orderBy: { name: "asc" },
  });
}

export type SharedScope = {
  agreementId: string;
  grantor: { id: string; name: string; country: string };
  grantee: { id: string; name: string };
  profileIds: string[];
  endsOn: Date;
};

/** What the given organizations may see of others' people at `now`, agreement by agreement. */
export async function sharedWith(granteeOrgIds: readonly string[], now = new Date()): Promise<SharedScope[]> {
  if (!granteeOrgIds.length) return [];
  const rows = await db.sharingAgreement.findMany({
    where: { granteeOrgId: { in: [...granteeOrgIds] }, ...inForceWhere(now) },
    select: {
      id: true,
      grantorOrgId: true,
      granteeOrgId: true,
      endsOn: true,
      profiles: { select: { profileId: true }, orderBy: { profileId: "asc" } },
    },
    orderBy: { acceptedAt: "asc" },
  });
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.grantorOrgId, r.granteeOrgId]))] } },
    select: { id: true, name: true, country: true },
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => ({
    agreementId: r.id,
    grantor: byId.get(r.grantorOrgId) ?? { id: r.grantorOrgId, name: "—", country: "" },
    grantee: { id: r.granteeOrgId, name: byId.get(r.granteeOrgId)?.name ?? "—" },
    profileIds: r.profiles.map((p) => p.profileId),
    endsOn: r.endsOn,
  }));
}
