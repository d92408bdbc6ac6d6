// A platform admin creates an organization and invites its first org admin by email. The
// invitee follows the link: a new account chooses its password there, an existing one signs
// in and accepts. The role is granted only then (and the link proves the address).
import { recordAudit } from "~/modules/audit/index.server.ts";
import {
  claimNotice,
  consumeToken,
  hashPassword,
  hasUsablePassword,
  inspectToken,
  issueToken,
  retireTokensFor,
  searchTextOf,
  sendLink,
  setPasswordFromLink,
  unusablePasswordHash,
} from "~/modules/auth/index.server.ts";
import { isRole, type Role } from "~/modules/auth/index.ts";
import { db } from "~/modules/db/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import type { Country, OrgKind } from "./constants.ts";
import { grantRoleInTx } from "./orgs.server.ts";
import { rollbackOn } from "./rollback.server.ts";

class NotAccepted extends Error {}

const INVITATION_DAYS = 7;

export type NewOrganization = {
  name: string;
  slug: string;
  kind: OrgKind;
  country: Country;
  adminEmail: string;
  adminName: string;
  adminLanguage: Lang;
};

export type CreateOrgOutcome = { ok: true; orgId: string } | { ok: false; reason: "slugTaken" };

/**
 * Creates the organization and an invitation for its first org admin (creating the account,
 * without a usable password, when the address has none), then mails the link in the
 * invitee's language. Both writes and their audit events share one transaction.
 */
export async function createOrganizationWithAdmin(actorId: string, input: NewOrganization): Promise<CreateOrgOutcome> {
  const taken = await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) return { ok: false, reason: "slugTaken" };
  let created: { orgId: string; invitationId: string; userId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: { name: input.name, slug: input.slug, kind: input.kind, country: input.country },
        select: { id: true },
      });
      const existing = await tx.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } });
      const user =
        existing ??
        (await tx.user.create({
          data: {
            email: input.adminEmail,
            name: input.adminName,
            language: input.adminLanguage,
            passwordHash: unusablePasswordHash(),
            searchText: searchTextOf(input.adminName, input.adminEmail),
          },
          select: { id: true },
        }));
      const invitation = await tx.invitation.create({
        data: {
          orgId: org.id,
          userId: user.id,
          role: "org_admin",
          invitedById: actorId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "org.created",
        subject: `org:${org.id}`,
        data: { kind: input.kind, country: input.country },
      });
      await recordAudit(tx, {
        actorId,
        action: "invitation.created",
        subject: `user:${user.id}`,
        data: { orgId: org.id, invitationId: invitation.id, role: "org_admin", newAccount: !existing },
      });
      return { orgId: org.id, invitationId: invitation.id, userId: user.id };
    });
  } catch (error) {
    // A concurrent creation took the slug between the check and the insert.
    if ((error as { code?: string }).code === "P2002") return { ok: false, reason: "slugTaken" };
    throw error;
  }
  await sendInvitation(actorId, created.invitationId);
  return { ok: true, orgId: created.orgId };
}

/** Mails (again) the link of a pending invitation, in the invitee's language. */
export async function sendInvitation(actorId: string | null, invitationId: string): Promise<void> {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      role: true,
      org: { select: { name: true } },
      user: { select: { id: true, email: true, name: true, language: true } },
    },
  });
  if (!invitation) return;
  const inviter = actorId
    ? await db.user.findUnique({ where: { id: actorId }, select: { name: true } })
    : { name: "Puente" };
  const lang: Lang = isLang(invitation.user.language) ? invitation.user.language : "en";
  const t = await getFixedT(lang);
  const token = await issueToken(
    invitation.user.id,
    "org-invitation",
    invitation.user.email,
    `invitation:${invitationId}`,
  );
  await sendLink("orgInvitation", invitation.user, invitation.user.email, "invitation", token, {
    org: invitation.org.name,
    role: t(`common:roles.${isRole(invitation.role) ? invitation.role : "learner"}`),
    inviter: inviter?.name ?? "Puente",
  });
}

export type PendingInvitation = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
};

export const PENDING_INVITATIONS_SHOWN = 50;

/**
 * Invitations of the organization not accepted yet (expired ones included: they can be sent
 * again), to active accounts, soonest to expire first; at most `take`, with the total.
 */
export async function pendingInvitations(
  orgId: string,
  options: { take?: number; now?: Date } = {},
): Promise<{ total: number; invitations: PendingInvitation[] }> {
  const now = options.now ?? new Date();
  const where = { orgId, acceptedAt: null, user: { deactivatedAt: null } };
  const [total, rows] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      select: {
        id: true,
        role: true,
        createdAt: true,
        expiresAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: options.take ?? PENDING_INVITATIONS_SHOWN,
    }),
  ]);
  return {
    total,
    invitations: rows.map((r) => ({
      id: r.id,
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      role: r.role,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      expired: r.expiresAt <= now,
    })),
  };
}

/** An invitation is sent again by hand at most once in this many minutes. */
export const RESEND_WINDOW_MINUTES = 10;

export type ResendOutcome = { ok: true } | { ok: false; reason: "notFound" | "tooSoon" };

/**
 * An org admin sends a pending invitation of their organization again (an expired one is
 * reopened): the earlier links stop working, a new one is mailed in the invitee's language,
 * any copy still queued by an import is dropped, and the re-send is audited. Another
 * organization's invitation, an accepted one or a deactivated account's: notFound.
 */
export async function resendInvitation(
  actorId: string,
  orgId: string,
  invitationId: string,
  now = new Date(),
): Promise<ResendOutcome> {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, orgId, acceptedAt: null, user: { deactivatedAt: null } },
    select: { id: true, userId: true, expiresAt: true },
  });
  if (!invitation) return { ok: false, reason: "notFound" };
  if (!(await claimNotice("invitation-resend", invitation.id, RESEND_WINDOW_MINUTES))) {
    return { ok: false, reason: "tooSoon" };
  }
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: invitation.expiresAt > expiresAt ? invitation.expiresAt : expiresAt },
      select: { id: true },
    });
    await tx.mailOutbox.updateMany({
      where: { invitationId: invitation.id, sentAt: null },
      data: { sentAt: now, lastError: "not sent: re-sent by an administrator", leaseUntil: null },
    });
    await recordAudit(tx, {
      actorId,
      action: "invitation.resent",
      subject: `user:${invitation.userId}`,
      data: { orgId, invitationId: invitation.id },
    });
  });
  await retireTokensFor(invitation.userId, `invitation:${invitation.id}`);
  await sendInvitation(actorId, invitation.id);
  return { ok: true };
}

export type InvitationView = {
  orgName: string;
  role: Role;
  userId: string;
  email: string;
  /** A new account: the invitee chooses a password; otherwise they sign in first. */
  needsPassword: boolean;
};

function invitationIdOf(ref: string | null): string | null {
  return ref?.startsWith("invitation:") ? ref.slice("invitation:".length) : null;
}

/** What a live invitation link offers; null when the link is unknown, used or expired. */
export async function viewInvitation(token: string): Promise<InvitationView | null> {
  const link = await inspectToken(token, "org-invitation");
  const invitationId = invitationIdOf(link?.ref ?? null);
  if (!link || !invitationId) return null;
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, userId: link.userId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: {
      role: true,
      org: { select: { name: true } },
      user: { select: { passwordHash: true, deactivatedAt: true } },
    },
  });
  if (!invitation || invitation.user.deactivatedAt || !isRole(invitation.role)) return null;
  return {
    orgName: invitation.org.name,
    role: invitation.role,
    userId: link.userId,
    email: link.email,
    needsPassword: !hasUsablePassword(invitation.user.passwordHash),
  };
}

export type AcceptOutcome =
  | { ok: true; userId: string; orgId: string }
  | { ok: false; reason: "invalidLink" | "wrongAccount" };

/**
 * Accepts the invitation: `password` for a new account, or the signed-in person (who must be
 * the invitee) for an existing one. Uses the link once; grants the role in one transaction.
 */
export async function acceptInvitation(
  token: string,
  by: { password: string } | { signedInUserId: string },
): Promise<AcceptOutcome> {
  const view = await viewInvitation(token);
  if (!view) return { ok: false, reason: "invalidLink" };
  if ("signedInUserId" in by && by.signedInUserId !== view.userId) return { ok: false, reason: "wrongAccount" };
  if ("password" in by !== view.needsPassword) return { ok: false, reason: "invalidLink" };
  const passwordHash = "password" in by ? await hashPassword(by.password) : null;
  const link = await consumeToken(token, "org-invitation");
  const invitationId = invitationIdOf(link?.ref ?? null);
  if (!link || !invitationId) return { ok: false, reason: "invalidLink" };
  const orgId = await rollbackOn(NotAccepted, () =>
    db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitationId, userId: link.userId, acceptedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw new NotAccepted();
      if (!(await setPasswordFromLink(tx, link.userId, link.email, passwordHash))) throw new NotAccepted();
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { id: invitationId },
        select: { orgId: true, role: true },
      });
      if (!isRole(invitation.role)) throw new NotAccepted();
      await grantRoleInTx(tx, null, link.userId, invitation.orgId, invitation.role);
      await recordAudit(tx, {
        actorId: link.userId,
        action: "invitation.accepted",
        subject: `user:${link.userId}`,
        data: { orgId: invitation.orgId, invitationId },
      });
      return invitation.orgId;
    }),
  );
  return orgId ? { ok: true, userId: link.userId, orgId } : { ok: false, reason: "invalidLink" };
}
