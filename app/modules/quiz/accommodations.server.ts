import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";

/** Members of the organizations the granter acts for: the only people they may accommodate. */
export async function accommodatableLearners(orgIds: string[]) {
  const rows = await db.membership.findMany({
    where: { orgId: { in: orgIds } },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const unique = new Map(rows.map((r) => [r.user.id, r.user]));
  return [...unique.values()];
}

export async function accommodationsFor(quizId: string, userIds: string[]) {
  return db.quizAccommodation.findMany({
    where: { quizId, userId: { in: userIds } },
    select: { userId: true, extraMinutes: true, extraAttempts: true, reason: true, updatedAt: true },
  });
}

export type GrantOutcome = { ok: true } | { ok: false; reason: "selfGrant" | "unknownLearner" };

/**
 * Separation of duties: nobody grants themself an accommodation, each grant states a reason,
 * and the grant and its audit event are written in one transaction.
 */
export async function grantAccommodation(input: {
  actorId: string;
  orgIds: string[];
  userId: string;
  quizId: string;
  extraMinutes: number;
  extraAttempts: number;
  reason: string;
}): Promise<GrantOutcome> {
  if (input.actorId === input.userId) return { ok: false, reason: "selfGrant" };
  return db.$transaction(async (tx): Promise<GrantOutcome> => {
    const member = await tx.membership.findFirst({
      where: { userId: input.userId, orgId: { in: input.orgIds } },
      select: { id: true },
    });
    if (!member) return { ok: false, reason: "unknownLearner" };
    const values = {
      extraMinutes: input.extraMinutes,
      extraAttempts: input.extraAttempts,
      reason: input.reason,
      grantedById: input.actorId,
    };
    await tx.quizAccommodation.upsert({
      where: { userId_quizId: { userId: input.userId, quizId: input.quizId } },
      create: { userId: input.userId, quizId: input.quizId, ...values },
      update: values,
      select: { userId: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "quiz.accommodation.granted",
      subject: `user:${input.userId}`,
      data: {
        quizId: input.quizId,
        extraMinutes: input.extraMinutes,
        extraAttempts: input.extraAttempts,
        reason: input.reason,
      },
    });
    return { ok: true };
  });
}
