// Vetting checks, profile assignments and the readiness read model against the database, on
// a controlled clock: every status and reason, supersession and renewal, visibility by
// organization, audit events, and every refusal (nothing written, a security event).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { revokeCredential, suspendCredential, reinstateCredential } from "~/modules/credentials/index.server.ts";
import {
  assignProfile,
  correctCheck,
  endAssignment,
  lapsesBetween,
  listReadiness,
  officerWork,
  personVetting,
  recordCheck,
  renewCheck,
  type VettingActor,
} from "~/modules/vetting/index.server.ts";
import { createOrg, createUser, resetDatabase } from "../helpers/factories.ts";
import { at, credential, DAY, day, member, NOW, PROFILE, recordOk, vettingWorld } from "../helpers/vetting-world.ts";

const CHECKS = ["background-investigation", "polygraph", "control-de-confianza"] as const;

let orgId: string;
let otherOrgId: string;
let officer: VettingActor;
let agent: { id: string };

const record = (kind: string, result: string, checkedOn: string, extra: Record<string, string> = {}) =>
  recordOk(officer, { userId: agent.id, orgId, kind, result, checkedOn, ...extra });

async function readiness(now = NOW) {
  const { rows } = await listReadiness({
    orgIds: [orgId],
    filter: {},
    sort: "name",
    dir: "asc",
    page: 1,
    pageSize: 50,
    now,
  });
  return rows.find((r) => r.userId === agent.id)!;
}

const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((r) => r.code).sort();
const counts = async () => ({
  checks: await db.vettingCheck.count(),
  assignments: await db.profileAssignment.count(),
  audit: await db.auditEvent.count(),
  security: await db.securityEvent.count(),
});

/** Everything current and passed: the agent is cleared unless a test changes one thing. */
async function clearAll() {
  await credential(agent.id, "aml-core-certificate", at(-100), at(600));
  await credential(agent.id, "joint-operations-certificate", at(-100), at(600));
  for (const kind of CHECKS) await record(kind, "passed", day(-10));
}

beforeEach(async () => {
  await resetDatabase();
  ({ orgId, officer, agent } = await vettingWorld());
  otherOrgId = (await createOrg("mx_agency")).id;
});

describe("status and reasons", () => {
  it("is pending with a reason per missing requirement when nothing is on record", async () => {
    const row = await readiness();
    expect(row.status).toBe("pending");
    expect(codes(row)).toEqual(
      ["check.missing", "check.missing", "check.missing", "credential.missing", "credential.missing"].sort(),
    );
  });

  it("is cleared when every credential is current and every check passed and unexpired", async () => {
    await clearAll();
    const row = await readiness();
    expect(row.status).toBe("cleared");
    expect(row.reasons).toEqual([]);
    expect(row.soonestLapse).toEqual(at(600));
  });

  it("is expiring 60 days before the first lapse, and lapsed after it, by time alone", async () => {
    await clearAll();
    const lapse = at(600);
    expect((await readiness(new Date(lapse.getTime() - 60 * DAY - 1))).status).toBe("cleared");
    const expiring = await readiness(new Date(lapse.getTime() - 60 * DAY));
    expect(expiring.status).toBe("expiring");
    expect(codes(expiring)).toEqual(["credential.expiring", "credential.expiring"]);
    const lapsed = await readiness(lapse);
    expect(lapsed.status).toBe("lapsed");
    expect(codes(lapsed)).toEqual(["credential.expired", "credential.expired"]);
  });

  it("is failed when the latest result of a required check is failed, ahead of everything else", async () => {
    await clearAll();
    await record("polygraph", "failed", day(-1));
    const row = await readiness();
    expect(row.status).toBe("failed");
    expect(row.reasons).toEqual([
      {
        code: "check.failed",
        params: { kind: "polygraph", date: at(-1).toISOString().slice(0, 10) + "T00:00:00.000Z" },
      },
    ]);
  });

  it("keeps an unexpired pass through a pending re-check; under review suspends it", async () => {
    await clearAll();
    await record("polygraph", "pending", day(-1));
    expect((await readiness()).status).toBe("cleared");
    await record("polygraph", "under_review", day(0));
    const row = await readiness();
    expect(row.status).toBe("pending");
    expect(codes(row)).toEqual(["check.underReview"]);
  });

  it("says pending since when a check awaits its first result", async () => {
    await record("control-de-confianza", "failed", day(-30));
    await record("control-de-confianza", "pending", day(-5));
    const row = await readiness();
    expect(row.status).toBe("pending");
    expect(row.reasons).toContainEqual({
      code: "check.pending",
      params: { kind: "control-de-confianza", since: `${day(-5)}T00:00:00.000Z` },
    });
  });

  it("counts a check as lapsed at its expiry, and a passed check's expiry defaults to the profile's validity", async () => {
    await clearAll();
    const check = await db.vettingCheck.findFirst({ where: { kind: "polygraph" }, select: { expiresOn: true } });
    expect(check!.expiresOn!.toISOString().slice(0, 10)).toBe("2028-05-22"); // 2026-05-22 + 24 months
    const row = await readiness(check!.expiresOn!);
    expect(row.status).toBe("lapsed");
    expect(codes(row)).toContain("check.expired");
  });

  it("follows credential revocation, suspension and reinstatement in the same transaction", async () => {
    await clearAll();
    const admin = await createUser({ admin: true });
    const actor = { id: admin.id, isPlatformAdmin: true };
    const cred = await db.credential.findFirst({
      where: { achievementId: "aml-core-certificate" },
      select: { id: true },
    });
    expect(await suspendCredential(actor, cred!.id, {}, NOW)).toEqual({ ok: true });
    let row = await readiness();
    expect(row.status).toBe("pending");
    expect(codes(row)).toEqual(["credential.suspended"]);
    expect(await reinstateCredential(actor, cred!.id, NOW)).toEqual({ ok: true });
    expect((await readiness()).status).toBe("cleared");
    expect(await revokeCredential(actor, cred!.id, { reason: "issued-in-error" }, NOW)).toEqual({ ok: true });
    row = await readiness();
    expect(row.status).toBe("pending");
    expect(codes(row)).toEqual(["credential.revoked"]);
  });
});

describe("supersession and renewal", () => {
  it("a correction supersedes a named entry of the same person; the history keeps both", async () => {
    await clearAll();
    const wrong = await record("polygraph", "failed", day(-3));
    expect((await readiness()).status).toBe("failed");
    const fixed = await correctCheck(
      officer,
      {
        userId: agent.id,
        supersedesId: wrong,
        kind: "polygraph",
        result: "passed",
        checkedOn: day(-3),
        evidenceRef: "CASE-2",
        reason: "Wrong result typed",
      },
      NOW,
    );
    expect(fixed).toMatchObject({ ok: true });
    expect((await readiness()).status).toBe("cleared");
    const person = await personVetting({ orgIds: [orgId], userId: agent.id, now: NOW });
    const old = person!.checks.find((c) => c.id === wrong)!;
    expect(old.supersededById).toBe((fixed as { id: string }).id);
    expect(person!.checks.find((c) => c.id === (fixed as { id: string }).id)!).toMatchObject({
      supersedesId: wrong,
      correctionReason: "Wrong result typed",
      recordedBy: { id: officer.id },
    });
    const again = await correctCheck(
      officer,
      {
        userId: agent.id,
        supersedesId: wrong,
        kind: "polygraph",
        result: "passed",
        checkedOn: day(-3),
        evidenceRef: "CASE-2",
        reason: "Again",
      },
      NOW,
    );
    expect(again).toEqual({ ok: false, reason: "alreadySuperseded" });
  });

  it("a renewal adds a later entry of the same kind and moves the lapse", async () => {
    const first = await record("polygraph", "passed", "2024-07-01");
    await record("background-investigation", "passed", day(-1));
    await record("control-de-confianza", "passed", day(-1));
    await credential(agent.id, "aml-core-certificate", at(-100), at(900));
    await credential(agent.id, "joint-operations-certificate", at(-100), at(900));
    const before = await readiness();
    expect(before.status).toBe("expiring"); // polygraph 2024-07-01 + 24 months = 2026-07-01
    expect(before.soonestLapse).toEqual(new Date("2026-07-01T00:00:00Z"));
    const renewed = await renewCheck(
      officer,
      { userId: agent.id, renewsId: first, result: "passed", checkedOn: day(0), evidenceRef: "CASE-3" },
      NOW,
    );
    expect(renewed).toMatchObject({ ok: true });
    const after = await readiness();
    expect(after.status).toBe("cleared");
    expect(await db.vettingCheck.count({ where: { kind: "polygraph" } })).toBe(2);
    const notLater = await renewCheck(
      officer,
      { userId: agent.id, renewsId: first, result: "passed", checkedOn: "2024-06-01", evidenceRef: "CASE-4" },
      NOW,
    );
    expect(notLater).toEqual({ ok: false, reason: "renewalNotLater" });
  });
});

describe("visibility, lapses and work", () => {
  it("lists and opens only people of the caller's organizations", async () => {
    const stranger = await member(otherOrgId);
    const otherOfficer = await member(otherOrgId, "vetting_officer");
    await assignProfile(
      { id: otherOfficer.id, orgIds: [otherOrgId] },
      { userId: stranger.id, orgId: otherOrgId, profileId: PROFILE },
      NOW,
    );
    const mine = await listReadiness({
      orgIds: [orgId],
      filter: {},
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
      now: NOW,
    });
    expect(mine.rows.map((r) => r.userId)).toEqual([agent.id]);
    expect(mine.total).toBe(1);
    expect(mine.counts.pending).toBe(1);
    const spoofed = await listReadiness({
      orgIds: [orgId],
      filter: { orgId: otherOrgId },
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
      now: NOW,
    });
    expect(spoofed.total).toBe(0);
    expect(await personVetting({ orgIds: [orgId], userId: stranger.id, now: NOW })).toBeNull();
    expect(await personVetting({ orgIds: [otherOrgId], userId: stranger.id, now: NOW })).not.toBeNull();
    const byCountry = await listReadiness({
      orgIds: [orgId, otherOrgId],
      filter: { country: "MX" },
      sort: "status",
      dir: "asc",
      page: 1,
      pageSize: 10,
      now: NOW,
    });
    expect(byCountry.rows.map((r) => r.userId)).toEqual([stranger.id]);
  });

  it("lists lapses in a window and the officer's checks due and awaiting", async () => {
    await clearAll();
    await record("polygraph", "pending", day(0));
    const lapses = await lapsesBetween({ orgIds: [orgId], from: NOW, to: at(180 + 1900) });
    expect(lapses.map((l) => l.reason.code).sort()).toEqual(
      ["check.expiring", "check.expiring", "check.expiring", "credential.expiring", "credential.expiring"].sort(),
    );
    expect(await lapsesBetween({ orgIds: [otherOrgId], from: NOW, to: at(3000) })).toEqual([]);
    const soon = await lapsesBetween({ orgIds: [orgId], from: NOW, to: at(180) });
    expect(soon).toEqual([]);
    const work = await officerWork({ orgIds: [orgId], now: at(560) });
    expect(work.dueTotal).toBe(0); // credentials lapse at +600, checks later: credentials are not the officer's
    const work2 = await officerWork({ orgIds: [orgId], now: NOW });
    expect(work2.awaitingTotal).toBe(0); // a pending re-check behind an unexpired pass is not awaited work
  });

  it("ends an assignment: the row leaves the list, the audit keeps it", async () => {
    const row = await db.profileAssignment.findFirst({ where: { userId: agent.id }, select: { id: true } });
    expect(await endAssignment(officer, { assignmentId: row!.id }, NOW)).toMatchObject({ ok: true });
    const list = await listReadiness({
      orgIds: [orgId],
      filter: {},
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 10,
      now: NOW,
    });
    expect(list.total).toBe(0);
    const actions = await db.auditEvent.findMany({
      where: { action: { startsWith: "vetting." } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["vetting.profile.assigned", "vetting.profile.ended"]);
  });
});

describe("audit", () => {
  it("writes one event per change, in the change's transaction", async () => {
    const id = await record("polygraph", "passed", day(-1));
    const event = await db.auditEvent.findFirst({
      where: { subject: `vetting-check:${id}` },
      select: { action: true, actorId: true, data: true },
    });
    expect(event).toMatchObject({ action: "vetting.check.recorded", actorId: officer.id });
    expect(JSON.parse(event!.data)).toMatchObject({
      userId: agent.id,
      orgId,
      kind: "polygraph",
      result: "passed",
      checkedOn: day(-1),
    });
  });
});

describe("refusals: nothing written, a security event", () => {
  const base = () => ({
    userId: agent.id,
    orgId,
    kind: "polygraph",
    result: "passed",
    checkedOn: day(-1),
    evidenceRef: "CASE-9",
  });

  async function refused(run: () => Promise<unknown>, reason: string, logged = true) {
    const before = await counts();
    expect(await run()).toEqual({ ok: false, reason });
    const after = await counts();
    expect(after).toEqual({ ...before, security: before.security + (logged ? 1 : 0) });
    if (logged) {
      const event = await db.securityEvent.findFirst({ orderBy: { at: "desc" }, select: { kind: true, data: true } });
      expect(JSON.parse(event!.data)).toEqual({ reason });
      expect(event!.kind).toMatch(/^vetting\./);
    }
  }

  it("refuses a check for another organization", async () => {
    const stranger = await member(otherOrgId);
    await refused(() => recordCheck(officer, { ...base(), userId: stranger.id, orgId: otherOrgId }, NOW), "otherOrg");
    await refused(() => recordCheck(officer, { ...base(), userId: stranger.id }, NOW), "notFound");
  });

  it("refuses a check on the officer's own record", async () => {
    await refused(() => recordCheck(officer, { ...base(), userId: officer.id }, NOW), "ownRecord");
  });

  it("refuses a check date in the future", async () => {
    await refused(() => recordCheck(officer, { ...base(), checkedOn: day(1) }, NOW), "futureDate");
  });

  it("refuses an expiry before the check date or beyond the profile's validity", async () => {
    await refused(() => recordCheck(officer, { ...base(), expiresOn: day(-1) }, NOW), "expiryBeforeCheck");
    await refused(() => recordCheck(officer, { ...base(), expiresOn: "2028-06-01" }, NOW), "expiryBeyondValidity");
    const earlier = await recordCheck(officer, { ...base(), expiresOn: "2027-01-01" }, NOW);
    expect(earlier).toMatchObject({ ok: true });
  });

  it("refuses superseding or renewing an entry of another person", async () => {
    const other = await member(orgId);
    await assignProfile(officer, { userId: other.id, orgId, profileId: PROFILE }, NOW);
    const theirs = await recordCheck(officer, { ...base(), userId: other.id }, NOW);
    const theirId = (theirs as { id: string }).id;
    await refused(
      () => correctCheck(officer, { ...base(), supersedesId: theirId, reason: "x" }, NOW),
      "supersedeOtherPerson",
    );
    await refused(() => renewCheck(officer, { ...base(), renewsId: theirId }, NOW), "supersedeOtherPerson");
  });

  it("refuses an entry of another organization by id, and a caller without the role", async () => {
    const otherOfficer = await member(otherOrgId, "vetting_officer");
    const stranger = await member(otherOrgId);
    const otherActor = { id: otherOfficer.id, orgIds: [otherOrgId] };
    await assignProfile(otherActor, { userId: stranger.id, orgId: otherOrgId, profileId: PROFILE }, NOW);
    const theirs = await recordCheck(otherActor, { ...base(), userId: stranger.id, orgId: otherOrgId }, NOW);
    const theirId = (theirs as { id: string }).id;
    await refused(
      () => correctCheck(officer, { ...base(), userId: stranger.id, supersedesId: theirId, reason: "x" }, NOW),
      "notFound",
    );
    const learner = { id: agent.id, orgIds: [] };
    await refused(() => recordCheck(learner, base(), NOW), "forbidden");
    await refused(() => assignProfile(learner, { userId: agent.id, orgId, profileId: PROFILE }, NOW), "forbidden");
  });

  it("refuses a kind no profile asks for, an assignment twice, and incomplete forms (no security event)", async () => {
    await refused(() => recordCheck(officer, { ...base(), kind: "human-rights-vetting" }, NOW), "kindNotRequired");
    await refused(
      () => assignProfile(officer, { userId: agent.id, orgId, profileId: PROFILE }, NOW),
      "alreadyAssigned",
    );
    await refused(() => recordCheck(officer, { ...base(), evidenceRef: " " }, NOW), "evidenceRequired", false);
    await refused(
      () => recordCheck(officer, { ...base(), evidenceRef: "x".repeat(65) }, NOW),
      "evidenceTooLong",
      false,
    );
    await refused(() => recordCheck(officer, { ...base(), checkedOn: "2026-02-30" }, NOW), "badDate", false);
    await refused(() => recordCheck(officer, { ...base(), result: "cleared" }, NOW), "badResult", false);
  });
});
