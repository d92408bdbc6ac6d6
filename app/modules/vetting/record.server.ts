// Recording vetting checks (a first entry, a correction that supersedes a named earlier entry,
// a renewal) and profile assignments. Nothing is edited in place. Each change refreshes the
// person's readiness rows and writes its audit event in one transaction; each refusal writes
// nothing but a security event (except incomplete forms, which are the person's typo).
import { getCheckType, getProfile } from "~/modules/content/index.server.ts";
import { recordAudit, recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";
import { refreshPerson } from "./readiness.server.ts";
import { addMonths, dayString, parseDay, todayOf } from "./dates.ts";
import { CHECK_RESULTS, type CheckResult } from "./status.ts";

import { MAX_EVIDENCE_LENGTH, MAX_REASON_LENGTH } from "./limits.ts";

export { MAX_EVIDENCE_LENGTH, MAX_REASON_LENGTH };

/** Who acts, and the organizations where they hold the permission the action needs. */
export type VettingActor = { id: string; orgIds: readonly string[] };

export const RECORD_REFUSALS = [
  "forbidden",
  "notFound",
  "ownRecord",
  "otherOrg",
  "kindNotRequired",
  "badResult",
  "badDate",
  "futureDate",
  "expiryBeforeCheck",
  "expiryBeyondValidity",
  "evidenceRequired",
  "evidenceTooLong",
  "reasonRequired",
  "reasonTooLong",
  "supersedeOtherPerson",
  "alreadySuperseded",
  "renewalNotLater",
  "unknownProfile",
  "alreadyAssigned",
] as const;
export type RecordRefusal = (typeof RECORD_REFUSALS)[number];
export type RecordOutcome = { ok: true; id: string } | { ok: false; reason: RecordRefusal };

/** Form mistakes: refused and explained, but not worth a security event. */
const TYPOS: ReadonlySet<RecordRefusal> = new Set([
  "badResult",
  "badDate",
  "evidenceRequired",
  "evidenceTooLong",
  "reasonRequired",
  "reasonTooLong",
]);

async function refuse(
  actor: VettingActor,
  action: string,
  subject: string,
  reason: RecordRefusal,
): Promise<RecordOutcome> {
  if (!TYPOS.has(reason))
    await recordSecurityEvent({ kind: `vetting.${action}.refused`, actorId: actor.id, subject, data: { reason } });
  return { ok: false, reason };
}

/**
 * The validity of a check kind for a person in an organization: the shortest among the
 * profiles they are actively assigned there that require it (null: none requires it).
 */
async function validityMonths(client: Tx | typeof db, userId: string, orgId: string, kind: string) {
  const assignments = await client.profileAssignment.findMany({
    where: { userId, orgId, endedAt: null },
    select: { profileId: true },
  });
  const months = assignments.flatMap(
    (a) =>
      getProfile(a.profileId)
        ?.checks.filter((c) => c.type === kind)
        .map((c) => c.validityMonths) ?? [],
  );
  return months.length ? Math.min(...months) : null;
}

export type CheckInput = {
  kind: unknown;
  result: unknown;
  checkedOn: unknown;
  expiresOn?: unknown;
  evidenceRef: unknown;
};

type Validated = { kind: string; result: CheckResult; checkedOn: Date; expiresOn: Date | null; evidenceRef: string };

async function validate(
  userId: string,
  orgId: string,
  input: CheckInput,
  now: Date,
): Promise<{ ok: true; value: Validated } | { ok: false; reason: RecordRefusal }> {
  const kind = typeof input.kind === "string" ? input.kind : "";
  if (!getCheckType(kind)) return { ok: false, reason: "kindNotRequired" };
  const result = input.result;
  if (typeof result !== "string" || !(CHECK_RESULTS as readonly string[]).includes(result))
    return { ok: false, reason: "badResult" };
  const checkedOn = parseDay(input.checkedOn);
  if (!checkedOn) return { ok: false, reason: "badDate" };
  if (checkedOn > todayOf(now)) return { ok: false, reason: "futureDate" };
  const evidenceRef = typeof input.evidenceRef === "string" ? input.evidenceRef.trim() : "";
  if (!evidenceRef) return { ok: false, reason: "evidenceRequired" };
  if (evidenceRef.length > MAX_EVIDENCE_LENGTH) return { ok: false, reason: "evidenceTooLong" };
  const months = await validityMonths(db, userId, orgId, kind);
  if (months === null) return { ok: false, reason: "kindNotRequired" };
  let expiresOn: Date | null = null;
  if (result === "passed") {
    const latest = addMonths(checkedOn, months);
    const raw = typeof input.expiresOn === "string" ? input.expiresOn.trim() : "";
    if (raw) {
      const asked = parseDay(raw);
      if (!asked) return { ok: false, reason: "badDate" };
      if (asked <= checkedOn) return { ok: false, reason: "expiryBeforeCheck" };
      if (asked > latest) return { ok: false, reason: "expiryBeyondValidity" };
      expiresOn = asked;
    } else expiresOn = latest;
  }
  return { ok: true, value: { kind, result: result as CheckResult, checkedOn, expiresOn, evidenceRef } };
}

/** The person, if they belong to `orgId` and `orgId` is one of the actor's organizations. */
async function personIn(actor: VettingActor, userId: string, orgId: string) {
  if (!actor.orgIds.includes(orgId)) return null;
  return db.membership.findFirst({
    where: { userId, orgId: { in: [...actor.orgIds], equals: orgId } },
    select: { userId: true, orgId: true },
  });
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";

async function write(
  actor: VettingActor,
  action: "recorded" | "corrected" | "renewed",
  person: { userId: string; orgId: string },
  value: Validated,
  extra: { supersedesId?: string; correctionReason?: string; renewsId?: string },
  now: Date,
): Promise<RecordOutcome> {
  try {
    const id = await db.$transaction(async (tx) => {
      const created = await tx.vettingCheck.create({
        data: {
          orgId: person.orgId,
          userId: person.userId,
          kind: value.kind,
          result: value.result,
          checkedOn: value.checkedOn,
          expiresOn: value.expiresOn,
          evidenceRef: value.evidenceRef,
          recordedById: actor.id,
          recordedAt: now,
          supersedesId: extra.supersedesId ?? null,
          correctionReason: extra.correctionReason ?? null,
        },
        select: { id: true },
      });
      await refreshPerson(tx, person.userId, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: `vetting.check.${action}`,
        subject: `vetting-check:${created.id}`,
        data: {
          userId: person.userId,
          orgId: person.orgId,
          kind: value.kind,
          result: value.result,
          checkedOn: dayString(value.checkedOn),
          expiresOn: value.expiresOn ? dayString(value.expiresOn) : null,
          ...(extra.supersedesId ? { supersedesId: extra.supersedesId } : {}),
          ...(extra.renewsId ? { renewsId: extra.renewsId } : {}),
        },
      });
      return created.id;
    });
    return { ok: true, id };
  } catch (error) {
    // Two corrections of the same entry: the second finds it superseded already.
    if (isUniqueViolation(error) && extra.supersedesId)
      return refuse(actor, action, `vetting-check:${extra.supersedesId}`, "alreadySuperseded");
    throw error;
  }
}

/** A first (or further) entry of a check for a person of one of the actor's organizations. */
export async function recordCheck(
  actor: VettingActor,
  input: CheckInput & { userId: string; orgId: string },
  now = new Date(),
): Promise<RecordOutcome> {
  const subject = `user:${input.userId}`;
  if (actor.orgIds.length === 0) return refuse(actor, "record", subject, "forbidden");
  if (!actor.orgIds.includes(input.orgId)) return refuse(actor, "record", subject, "otherOrg");
  const person = await personIn(actor, input.userId, input.orgId);
  if (!person) return refuse(actor, "record", subject, "notFound");
  if (person.userId === actor.id) return refuse(actor, "record", subject, "ownRecord");
  const valid = await validate(person.userId, person.orgId, input, now);
  if (!valid.ok) return refuse(actor, "record", subject, valid.reason);
  return write(actor, "recorded", person, valid.value, {}, now);
}

/** An earlier entry of the actor's organizations, by id: scoped in the query itself. */
async function entryOf(actor: VettingActor, checkId: string) {
  return db.vettingCheck.findFirst({
    where: { id: checkId, orgId: { in: [...actor.orgIds] } },
    select: { id: true, userId: true, orgId: true, kind: true, checkedOn: true },
  });
}

/**
 * A correction: a new entry of the same person that supersedes a named earlier one, with a
 * reason. The earlier entry stays in the history, marked superseded.
 */
export async function correctCheck(
  actor: VettingActor,
  input: CheckInput & { userId: string; supersedesId: string; reason: unknown },
  now = new Date(),
): Promise<RecordOutcome> {
  const subject = `vetting-check:${input.supersedesId}`;
  if (actor.orgIds.length === 0) return refuse(actor, "correct", subject, "forbidden");
  const entry = await entryOf(actor, input.supersedesId);
  if (!entry) return refuse(actor, "correct", subject, "notFound");
  if (entry.userId !== input.userId) return refuse(actor, "correct", subject, "supersedeOtherPerson");
  if (entry.userId === actor.id) return refuse(actor, "correct", subject, "ownRecord");
  const superseded = await db.vettingCheck.findFirst({ where: { supersedesId: entry.id }, select: { id: true } });
  if (superseded) return refuse(actor, "correct", subject, "alreadySuperseded");
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) return refuse(actor, "correct", subject, "reasonRequired");
  if (reason.length > MAX_REASON_LENGTH) return refuse(actor, "correct", subject, "reasonTooLong");
  const valid = await validate(entry.userId, entry.orgId, input, now);
  if (!valid.ok) return refuse(actor, "correct", subject, valid.reason);
  return write(
    actor,
    "corrected",
    { userId: entry.userId, orgId: entry.orgId },
    valid.value,
    { supersedesId: entry.id, correctionReason: reason },
    now,
  );
}

/** A renewal: a new entry of the same kind as a named earlier one, with a later check date. */
export async function renewCheck(
  actor: VettingActor,
  input: Omit<CheckInput, "kind"> & { userId: string; renewsId: string },
  now = new Date(),
): Promise<RecordOutcome> {
  const subject = `vetting-check:${input.renewsId}`;
  if (actor.orgIds.length === 0) return refuse(actor, "renew", subject, "forbidden");
  const entry = await entryOf(actor, input.renewsId);
  if (!entry) return refuse(actor, "renew", subject, "notFound");
  if (entry.userId !== input.userId) return refuse(actor, "renew", subject, "supersedeOtherPerson");
  if (entry.userId === actor.id) return refuse(actor, "renew", subject, "ownRecord");
  const valid = await validate(entry.userId, entry.orgId, { ...input, kind: entry.kind }, now);
  if (!valid.ok) return refuse(actor, "renew", subject, valid.reason);
  if (valid.value.checkedOn <= entry.checkedOn) return refuse(actor, "renew", subject, "renewalNotLater");
  return write(
    actor,
    "renewed",
    { userId: entry.userId, orgId: entry.orgId },
    valid.value,
    { renewsId: entry.id },
    now,
  );
}

/** Holds a person of one of the actor's organizations to a profile (reopening an ended assignment). */
export async function assignProfile(
  actor: VettingActor,
  input: { userId: string; orgId: string; profileId: string },
  now = new Date(),
): Promise<RecordOutcome> {
  const subject = `user:${input.userId}`;
  if (actor.orgIds.length === 0) return refuse(actor, "assign", subject, "forbidden");
  if (!actor.orgIds.includes(input.orgId)) return refuse(actor, "assign", subject, "otherOrg");
  if (!getProfile(input.profileId)) return refuse(actor, "assign", subject, "unknownProfile");
  const person = await personIn(actor, input.userId, input.orgId);
  if (!person) return refuse(actor, "assign", subject, "notFound");
  if (person.userId === actor.id) return refuse(actor, "assign", subject, "ownRecord");
  const key = { orgId: person.orgId, userId: person.userId, profileId: input.profileId };
  const id = await db.$transaction(async (tx) => {
    const existing = await tx.profileAssignment.findUnique({
      where: { orgId_userId_profileId: key },
      select: { id: true, endedAt: true },
    });
    if (existing && !existing.endedAt) return null;
    const row = existing
      ? await tx.profileAssignment.update({
          where: { id: existing.id },
          data: { endedAt: null, assignedAt: now, assignedById: actor.id },
          select: { id: true },
        })
      : await tx.profileAssignment.create({
          data: { ...key, assignedAt: now, assignedById: actor.id },
          select: { id: true },
        });
    await refreshPerson(tx, person.userId, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "vetting.profile.assigned",
      subject: `profile-assignment:${row.id}`,
      data: key,
    });
    return row.id;
  });
  if (!id) return refuse(actor, "assign", subject, "alreadyAssigned");
  return { ok: true, id };
}

/** Ends an active assignment in one of the actor's organizations (the history stays). */
export async function endAssignment(
  actor: VettingActor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<RecordOutcome> {
  const subject = `profile-assignment:${input.assignmentId}`;
  if (actor.orgIds.length === 0) return refuse(actor, "end", subject, "forbidden");
  const row = await db.profileAssignment.findFirst({
    where: { id: input.assignmentId, orgId: { in: [...actor.orgIds] }, endedAt: null },
    select: { id: true, userId: true, orgId: true, profileId: true },
  });
  if (!row) return refuse(actor, "end", subject, "notFound");
  if (row.userId === actor.id) return refuse(actor, "end", subject, "ownRecord");
  const ended = await db.$transaction(async (tx) => {
    const updated = await tx.profileAssignment.updateMany({
      where: { id: row.id, endedAt: null },
      data: { endedAt: now },
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "vetting.profile.ended",
      subject: `profile-assignment:${row.id}`,
      data: { orgId: row.orgId, userId: row.userId, profileId: row.profileId },
    });
    return true;
  });
  if (!ended) return refuse(actor, "end", subject, "notFound");
  return { ok: true, id: row.id };
}
