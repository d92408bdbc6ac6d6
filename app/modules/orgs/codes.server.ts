// Enrolment codes: an organization issues a code for a cohort (in a joint cohort each
// organization its own) with a seat limit and an expiry; a person redeems it and lands in the
// cohort as a learner member of the code's organization, enrolled in its courses.
import crypto from "node:crypto";
import { recordAudit } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { joinCohortInTx, type CohortAccess } from "./cohorts.server.ts";
import { grantRoleInTx } from "./orgs.server.ts";
import { rollbackOn } from "./rollback.server.ts";
import { CODE_PATTERN, normalizeCode } from "./schemas.ts";

// No 0/O or 1/I: codes are read aloud and copied from paper.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** ABCD-EFGH */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CodeRow = {
  id: string;
  code: string;
  seatLimit: number;
  seatsUsed: number;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
};

/** The codes the viewer's organization issued for this cohort, newest first. */
export async function codesOf(cohort: CohortAccess): Promise<CodeRow[]> {
  return db.enrolmentCode.findMany({
    where: { cohortId: cohort.id, orgId: cohort.viewerOrgId },
    select: {
      id: true,
      code: true,
      seatLimit: true,
      seatsUsed: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
}

export type IssueOutcome = { ok: true; code: string } | { ok: false; reason: "archived" | "expiryInvalid" };

/** `expiresOn` is a calendar day: the code works until the end of that day (UTC). */
export async function issueCode(
  actorId: string,
  cohort: CohortAccess,
  input: { seatLimit: number; expiresOn: Date },
  now = new Date(),
): Promise<IssueOutcome> {
  if (cohort.archivedAt) return { ok: false, reason: "archived" };
  const expiresAt = new Date(input.expiresOn.getTime() + 86_400_000 - 1);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > 366 * 86_400_000) {
    return { ok: false, reason: "expiryInvalid" };
  }
  const code = newCode();
  await db.$transaction(async (tx) => {
    const row = await tx.enrolmentCode.create({
      data: {
        code,
        cohortId: cohort.id,
        orgId: cohort.viewerOrgId,
        seatLimit: input.seatLimit,
        expiresAt,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "enrolment-code.issued",
      subject: `cohort:${cohort.id}`,
      data: { codeId: row.id, orgId: cohort.viewerOrgId, seatLimit: input.seatLimit },
    });
  });
  return { ok: true, code };
}

/** Revokes a code of the viewer's organization for this cohort; any other id is not found. */
export async function revokeCode(actorId: string, cohort: CohortAccess, codeId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.enrolmentCode.updateMany({
      where: { id: codeId, cohortId: cohort.id, orgId: cohort.viewerOrgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: "enrolment-code.revoked",
      subject: `cohort:${cohort.id}`,
      data: { codeId },
    });
    return true;
  });
}

export type CodeProblem = "unknown" | "expired" | "exhausted" | "revoked";

export type CodePreview =
  | { ok: true; cohortName: string; orgName: string; courseIds: string[]; seatsLeft: number }
  | { ok: false; reason: CodeProblem };

function problemOf(
  row: {
    seatLimit: number;
    seatsUsed: number;
    expiresAt: Date;
    revokedAt: Date | null;
    cohort: { archivedAt: Date | null };
  },
  now: Date,
): CodeProblem | null {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now || row.cohort.archivedAt) return "expired";
  if (row.seatsUsed >= row.seatLimit) return "exhausted";
  return null;
}

/** What a code leads to, for the join page, without redeeming it. */
export async function previewCode(input: string, now = new Date()): Promise<CodePreview> {
  const code = normalizeCode(input);
  if (!CODE_PATTERN.test(code)) return { ok: false, reason: "unknown" };
  const row = await db.enrolmentCode.findUnique({
    where: { code },
    select: {
      seatLimit: true,
      seatsUsed: true,
      expiresAt: true,
      revokedAt: true,
      org: { select: { name: true } },
      cohort: {
        select: { name: true, archivedAt: true, courses: { select: { courseId: true }, orderBy: { position: "asc" } } },
      },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  const problem = problemOf(row, now);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    cohortName: row.cohort.name,
    orgName: row.org.name,
    courseIds: row.cohort.courses.map((c) => c.courseId),
    seatsLeft: row.seatLimit - row.seatsUsed,
  };
}

export type RedeemOutcome =
  | { ok: true; cohortId: string; orgId: string; courseIds: string[]; alreadyRedeemed: boolean }
  | { ok: false; reason: CodeProblem };

class SeatTaken extends Error {}

/**
 * Redeems the code for the person: one transaction takes a seat with a conditional update
 * (`seatsUsed < seatLimit`, not revoked, not expired) — two redemptions of the last seat
 * cannot both succeed, whatever the process — then makes them a learner member of the code's
 * organization, puts them in the cohort and enrols them in its courses. Redeeming a code
 * again takes no second seat. On any refusal nothing is written.
 */
export async function redeemCode(userId: string, input: string, now = new Date()): Promise<RedeemOutcome> {
  const code = normalizeCode(input);
  if (!CODE_PATTERN.test(code)) return { ok: false, reason: "unknown" };
  let refusal: CodeProblem = "exhausted";
  const result = await rollbackOn(SeatTaken, () =>
    db.$transaction(async (tx) => {
      const row = await tx.enrolmentCode.findUnique({
        where: { code },
        select: {
          id: true,
          cohortId: true,
          orgId: true,
          seatLimit: true,
          seatsUsed: true,
          expiresAt: true,
          revokedAt: true,
          cohort: {
            select: { archivedAt: true, courses: { select: { courseId: true }, orderBy: { position: "asc" } } },
          },
        },
      });
      if (!row) {
        refusal = "unknown";
        throw new SeatTaken();
      }
      const courseIds = row.cohort.courses.map((c) => c.courseId);
      const base = { cohortId: row.cohortId, orgId: row.orgId, courseIds };
      const already = await tx.codeRedemption.findUnique({
        where: { codeId_userId: { codeId: row.id, userId } },
        select: { userId: true },
      });
      const problem = problemOf(row, now);
      if (already && problem !== "revoked" && problem !== "expired") {
        // A second click, or the same person again: no second seat. Make sure they are in.
        await joinCohortInTx(tx, row.cohortId, userId, row.orgId, courseIds);
        return { ...base, alreadyRedeemed: true };
      }
      if (problem) {
        refusal = problem;
        throw new SeatTaken();
      }
      const taken = await tx.enrolmentCode.updateMany({
        where: { id: row.id, revokedAt: null, expiresAt: { gt: now }, seatsUsed: { lt: row.seatLimit } },
        data: { seatsUsed: { increment: 1 } },
      });
      if (taken.count !== 1) throw new SeatTaken();
      await tx.codeRedemption.create({ data: { codeId: row.id, userId }, select: { userId: true } });
      await grantRoleInTx(tx, userId, userId, row.orgId, "learner");
      await joinCohortInTx(tx, row.cohortId, userId, row.orgId, courseIds);
      await recordAudit(tx, {
        actorId: userId,
        action: "enrolment-code.redeemed",
        subject: `cohort:${row.cohortId}`,
        data: { codeId: row.id, orgId: row.orgId },
      });
      return { ...base, alreadyRedeemed: false };
    }),
  );
  return result ? { ok: true, ...result } : { ok: false, reason: refusal };
}
