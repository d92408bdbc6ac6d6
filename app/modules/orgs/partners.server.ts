// Joint cohorts: the owner invites partner organizations; a partner's org admin accepts
// (or declines), then enrols their own people. The owner sees everyone's progress; a
// partner its own people in full and the others' names and completion only.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import type { CohortAccess } from "./cohorts.server.ts";

export type InvitePartnerOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" | "ownOrg" | "alreadyPartner" | "archived" };

/** The owner invites another organization to the cohort. */
export async function invitePartner(
  actorId: string,
  cohort: CohortAccess,
  orgId: string,
): Promise<InvitePartnerOutcome> {
  if (!cohort.isOwner) return { ok: false, reason: "notFound" };
  if (cohort.archivedAt) return { ok: false, reason: "archived" };
  if (orgId === cohort.ownerOrgId) return { ok: false, reason: "ownOrg" };
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { id: true } });
  if (!org) return { ok: false, reason: "notFound" };
  return db.$transaction(async (tx) => {
    const existing = await tx.cohortPartner.findUnique({
      where: { cohortId_orgId: { cohortId: cohort.id, orgId } },
      select: { status: true },
    });
    if (existing && existing.status !== "declined") return { ok: false, reason: "alreadyPartner" } as const;
    await tx.cohortPartner.upsert({
      where: { cohortId_orgId: { cohortId: cohort.id, orgId } },
      create: { cohortId: cohort.id, orgId, status: "invited", invitedById: actorId },
      update: { status: "invited", invitedById: actorId, invitedAt: new Date(), respondedAt: null },
      select: { orgId: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "cohort.partner.invited",
      subject: `cohort:${cohort.id}`,
      data: { orgId },
    });
    return { ok: true } as const;
  });
}

export type PartnerInvitation = {
  cohortId: string;
  cohortName: string;
  ownerOrgName: string;
  ownerCountry: string;
  startsOn: Date;
  endsOn: Date;
  courseIds: string[];
};

/** Invitations to joint cohorts waiting for the organization's answer. */
export async function pendingPartnerInvitations(orgId: string): Promise<PartnerInvitation[]> {
  const rows = await db.cohortPartner.findMany({
    where: { orgId, status: "invited", cohort: { archivedAt: null } },
    select: {
      cohort: {
        select: {
          id: true,
          name: true,
          startsOn: true,
          endsOn: true,
          org: { select: { name: true, country: true } },
          courses: { select: { courseId: true }, orderBy: { position: "asc" } },
        },
      },
    },
    orderBy: { invitedAt: "asc" },
  });
  return rows.map(({ cohort }) => ({
    cohortId: cohort.id,
    cohortName: cohort.name,
    ownerOrgName: cohort.org.name,
    ownerCountry: cohort.org.country,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    courseIds: cohort.courses.map((c) => c.courseId),
  }));
}

/** The invited organization's answer; only a pending invitation to `orgId` can be answered. */
export async function respondToPartnerInvitation(
  actorId: string,
  orgId: string,
  cohortId: string,
  accept: boolean,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.cohortPartner.updateMany({
      where: { cohortId, orgId, status: "invited", cohort: { archivedAt: null } },
      data: { status: accept ? "accepted" : "declined", respondedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: accept ? "cohort.partner.accepted" : "cohort.partner.declined",
      subject: `cohort:${cohortId}`,
      data: { orgId },
    });
    return true;
  });
}

/** Organizations the owner may invite: every other one, with its country. */
export async function partnerCandidates(cohort: CohortAccess) {
  const taken = new Set(cohort.partners.filter((p) => p.status !== "declined").map((p) => p.orgId));
  const orgs = await db.organization.findMany({
    where: { id: { not: cohort.ownerOrgId } },
    select: { id: true, name: true, country: true },
    orderBy: { name: "asc" },
  });
  return orgs.filter((o) => !taken.has(o.id));
}
