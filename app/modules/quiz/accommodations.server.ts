import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";

export { MAX_EXTRA_ATTEMPTS, MAX_EXTRA_MINUTES } from "./limits.ts";

/** Members of the organisations the granter acts for: the only people they may accommodate. */
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
    select: { userId: true, extraMinutes: true, extraAttempts: true, updatedAt: true },
  });
}

export async function grantAccommodation(input: {
  actorId: string;
  orgIds: string[];
  userId: string;
  quizId: string;
  extraMinutes: number;
  extraAttempts: number;
}): Promise<boolean> {
  const member = await db.membership.findFirst({
    where: { userId: input.userId, orgId: { in: input.orgIds } },
    select: { id: true },
  });
  if (!member) return false;
  const values = { extraMinutes: input.extraMinutes, extraAttempts: input.extraAttempts, grantedById: input.actorId };
  await db.quizAccommodation.upsert({
    where: { userId_quizId: { userId: input.userId, quizId: input.quizId } },
    create: { userId: input.userId, quizId: input.quizId, ...values },
    update: values,
    select: { userId: true },
  });
  await recordAudit({
    actorId: input.actorId,
    action: "quiz.accommodation.granted",
    subject: `user:${input.userId}`,
    data: { quizId: input.quizId, extraMinutes: input.extraMinutes, extraAttempts: input.extraAttempts },
  });
  return true;
}
