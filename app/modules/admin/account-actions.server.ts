// Changes a platform admin makes to someone's account. The caller has checked the
// permission; these functions check the facts (does the organization exist, is the role
// held) so a stale or tampered form changes nothing.
import { recordAudit } from "~/modules/audit/index.server.ts";
import { clearAccountLockout, endAllSessions } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRole, listOrganizations, revokeRole } from "~/modules/orgs/index.server.ts";
import type { AdminErrorKey, DoneKey, UserAction } from "./schema.ts";

export type ActionOutcome = { ok: true; done: DoneKey } | { ok: false; reason: AdminErrorKey };

const subjectOf = (userId: string) => `user:${userId}`;

export async function performUserAction(actorId: string, userId: string, action: UserAction): Promise<ActionOutcome> {
  switch (action.intent) {
    case "grantRole": {
      const orgs = await listOrganizations();
      if (!orgs.some((o) => o.id === action.orgId)) return { ok: false, reason: "unknownOrg" };
      const granted = await grantRole(actorId, userId, action.orgId, action.role);
      return granted ? { ok: true, done: "roleGranted" } : { ok: false, reason: "roleAlreadyHeld" };
    }
    case "revokeRole": {
      const revoked = await revokeRole(actorId, userId, action.orgId, action.role);
      return revoked ? { ok: true, done: "roleRevoked" } : { ok: false, reason: "roleNotHeld" };
    }
    case "deactivate":
      return deactivateUser(actorId, userId);
    case "reactivate":
      return reactivateUser(actorId, userId);
    case "clearLockout":
      return clearLockout(actorId, userId);
  }
}

/** Signs the person out everywhere; sign-in is refused while deactivated. */
export async function deactivateUser(actorId: string, userId: string): Promise<ActionOutcome> {
  // An admin locking themself out could leave the platform with no admin at all.
  if (actorId === userId) return { ok: false, reason: "cannotDeactivateSelf" };
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: null },
      data: { deactivatedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, { actorId, action: "user.deactivated", subject: subjectOf(userId) });
    return true;
  });
  if (!changed) return { ok: false, reason: "alreadyDeactivated" };
  // After the commit: sessions of a deactivated account are refused anyway (session.server.ts).
  await endAllSessions(userId);
  return { ok: true, done: "deactivated" };
}

export async function reactivateUser(actorId: string, userId: string): Promise<ActionOutcome> {
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (count === 0) return false;
    await recordAudit(tx, { actorId, action: "user.reactivated", subject: subjectOf(userId) });
    return true;
  });
  return changed ? { ok: true, done: "reactivated" } : { ok: false, reason: "notDeactivated" };
}

export async function clearLockout(actorId: string, userId: string): Promise<ActionOutcome> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { ok: false, reason: "invalid" };
  const cleared = await db.$transaction(async (tx) => {
    const count = await clearAccountLockout(user.email, tx);
    if (count > 0) {
      await recordAudit(tx, {
        actorId,
        action: "user.lockout.cleared",
        subject: subjectOf(userId),
        data: { failedAttempts: count },
      });
    }
    return count;
  });
  return cleared === 0 ? { ok: false, reason: "notLockedOut" } : { ok: true, done: "lockoutCleared" };
}
