import { recordAudit } from "~/modules/audit/index.server.ts";
import type { Role } from "~/modules/auth/permissions.ts";
import { db } from "~/modules/db/index.server.ts";

import type { Country, OrgKind } from "./constants.ts";

export type { OrgKind } from "./constants.ts";

export async function createOrganization(input: { slug: string; name: string; kind: OrgKind; country: Country }) {
  return db.organization.create({ data: input, select: { id: true, slug: true, name: true } });
}

export async function listOrganizations() {
  return db.organization.findMany({
    select: { id: true, slug: true, name: true, kind: true, country: true },
    orderBy: { name: "asc" },
  });
}

/** Gives `userId` the role in the organisation (creating the membership); audited in the same transaction. */
export async function grantRole(actorId: string | null, userId: string, orgId: string, role: Role): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.upsert({
      where: { userId_orgId: { userId, orgId } },
      create: { userId, orgId },
      update: {},
      select: { id: true, roles: { where: { role }, select: { role: true } } },
    });
    if (membership.roles.length > 0) return false;
    await tx.membershipRole.create({ data: { membershipId: membership.id, role }, select: { role: true } });
    await recordAudit(tx, {
      actorId,
      action: "membership.role.granted",
      subject: `user:${userId}`,
      data: { orgId, role },
    });
    return true;
  });
}

/** Removes the role; a membership left with no role is removed too. Audited in the same transaction. */
export async function revokeRole(actorId: string | null, userId: string, orgId: string, role: Role): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_orgId: { userId, orgId } },
      select: { id: true },
    });
    if (!membership) return false;
    const { count } = await tx.membershipRole.deleteMany({ where: { membershipId: membership.id, role } });
    if (count === 0) return false;
    const remaining = await tx.membershipRole.count({ where: { membershipId: membership.id } });
    if (remaining === 0) await tx.membership.delete({ where: { id: membership.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId,
      action: "membership.role.revoked",
      subject: `user:${userId}`,
      data: { orgId, role },
    });
    return true;
  });
}

export async function membersOf(orgIds: string[]) {
  return db.membership.findMany({
    where: { orgId: { in: orgIds } },
    select: {
      org: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
      roles: { select: { role: true } },
    },
    orderBy: [{ org: { name: "asc" } }, { user: { name: "asc" } }],
  });
}
