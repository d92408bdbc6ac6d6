// Organizations, memberships and roles within them. Every change is audited in its own
// transaction (ids only).
import { recordAudit } from "~/modules/audit/index.server.ts";
import type { Role } from "~/modules/auth/index.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";
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

export type OrgSummary = { id: string; slug: string; name: string; kind: string; country: string };

export async function getOrganization(orgId: string): Promise<OrgSummary | null> {
  return db.organization.findUnique({
    where: { id: orgId },
    select: { id: true, slug: true, name: true, kind: true, country: true },
  });
}

/** Inside `tx`: gives the role (creating the membership); false when already held. Audited. */
export async function grantRoleInTx(
  tx: Tx,
  actorId: string | null,
  userId: string,
  orgId: string,
  role: Role,
): Promise<boolean> {
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
}

/** Gives `userId` the role in the organization (creating the membership); audited in the same transaction. */
export async function grantRole(actorId: string | null, userId: string, orgId: string, role: Role): Promise<boolean> {
  return db.$transaction((tx) => grantRoleInTx(tx, actorId, userId, orgId, role));
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

/**
 * Ends the person's membership of the organization: every role goes, and they leave the
 * cohorts they were in through it (their progress and attempts stay). The account itself
 * stays active: deactivating it is the platform admin's call.
 */
export async function endMembership(actorId: string, userId: string, orgId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({ where: { userId, orgId } });
    if (count === 0) return false;
    const left = await tx.cohortMember.updateMany({
      where: { userId, orgId, removedAt: null },
      data: { removedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId,
      action: "membership.ended",
      subject: `user:${userId}`,
      data: { orgId, cohortsLeft: left.count },
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

export type OrgMember = {
  userId: string;
  name: string;
  email: string;
  verified: boolean;
  active: boolean;
  since: Date;
  roles: string[];
};

export const MEMBERS_PAGE_SIZE = 50;

/** One page of an organization's members, optionally matching folded search terms. */
export async function orgMembers(
  orgId: string,
  options: { terms: string[]; page: number },
): Promise<{ total: number; members: OrgMember[] }> {
  const where = {
    orgId,
    ...(options.terms.length ? { user: { AND: options.terms.map((t) => ({ searchText: { contains: t } })) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      select: {
        createdAt: true,
        user: { select: { id: true, name: true, email: true, emailVerifiedAt: true, deactivatedAt: true } },
        roles: { select: { role: true } },
      },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      skip: (options.page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    members: rows.map((row) => ({
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      verified: row.user.emailVerifiedAt !== null,
      active: row.user.deactivatedAt === null,
      since: row.createdAt,
      roles: row.roles.map((r) => r.role).sort(),
    })),
  };
}

export type RoleChange =
  | { intent: "grantRole"; userId: string; role: Role }
  | { intent: "revokeRole"; userId: string; role: Role }
  | { intent: "endMembership"; userId: string };

export type RoleChangeOutcome =
  | { ok: true; done: "roleGranted" | "roleRevoked" | "membershipEnded" }
  | { ok: false; reason: "notFound" | "self" | "roleAlreadyHeld" | "roleNotHeld" };

/**
 * An org admin's change to a member of their own organization. The person must already be a
 * member of `orgId` (another organization's person → notFound, nothing written); nobody
 * changes their own roles or ends their own membership.
 */
export async function changeMemberRoles(
  actorId: string,
  orgId: string,
  change: RoleChange,
): Promise<RoleChangeOutcome> {
  const member = await db.membership.findUnique({
    where: { userId_orgId: { userId: change.userId, orgId } },
    select: { id: true },
  });
  if (!member) return { ok: false, reason: "notFound" };
  if (change.userId === actorId) return { ok: false, reason: "self" };
  switch (change.intent) {
    case "grantRole":
      return (await grantRole(actorId, change.userId, orgId, change.role))
        ? { ok: true, done: "roleGranted" }
        : { ok: false, reason: "roleAlreadyHeld" };
    case "revokeRole":
      return (await revokeRole(actorId, change.userId, orgId, change.role))
        ? { ok: true, done: "roleRevoked" }
        : { ok: false, reason: "roleNotHeld" };
    case "endMembership":
      return (await endMembership(actorId, change.userId, orgId))
        ? { ok: true, done: "membershipEnded" }
        : { ok: false, reason: "notFound" };
  }
}
