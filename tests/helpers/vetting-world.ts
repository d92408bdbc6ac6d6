// The vetting world the vetting and clearance tests start from, on a controlled clock: an
// organization with a vetting officer and an agent assigned the joint-team-agent profile,
// with training credential rows and passed checks added by the test that needs them.
import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { assignProfile, recordCheck, refreshVetting, type VettingActor } from "~/modules/vetting/index.server.ts";
import { createOrg, createUser } from "./factories.ts";

export const DAY = 86_400_000;
export const NOW = new Date("2026-06-01T12:00:00Z");
/** `days` from NOW. */
export const at = (days: number) => new Date(NOW.getTime() + days * DAY);
/** The calendar day `days` from NOW, as a form sends it. */
export const day = (days: number) => at(days).toISOString().slice(0, 10);
export const PROFILE = "joint-team-agent"; // aml-core + joint-operations; background 60, polygraph 24, cdc 36 months

export async function member(
  org: string,
  role: "learner" | "vetting_officer" | "org_admin" = "learner",
  name?: string,
) {
  const user = await createUser(name ? { name } : {});
  await grantRole(null, user.id, org, role);
  return user;
}

/** An organization, its vetting officer, and an agent (named `agentName`) assigned PROFILE at NOW. */
export async function vettingWorld(options: { agentName?: string } = {}) {
  const orgId = (await createOrg()).id;
  const officerUser = await member(orgId, "vetting_officer");
  const officer: VettingActor = { id: officerUser.id, orgIds: [orgId] };
  const agent = await member(orgId, "learner", options.agentName);
  const assigned = await assignProfile(officer, { userId: agent.id, orgId, profileId: PROFILE }, NOW);
  if (!assigned.ok) throw new Error(`assignProfile: ${assigned.reason}`);
  return { orgId, officer, agent };
}

// Status list positions are unique per list: each row takes the next one (from a random start).
let nextIndex = crypto.randomInt(0, 131072);

/** A training credential row as issuance stores it (its signing is not under test), readiness refreshed. */
export async function credential(userId: string, achievementId: string, from: Date, until: Date) {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const id = [...crypto.randomBytes(26)].map((b) => alphabet[b & 31]).join("");
  if (!(await db.statusList.findUnique({ where: { id: "rev-list-000" }, select: { id: true } })))
    await db.statusList.createMany({
      data: [
        { id: "rev-list-000", purpose: "revocation", size: 131072, pairId: "pair-000" },
        { id: "sus-list-000", purpose: "suspension", size: 131072, pairId: "pair-000" },
      ],
    });
  nextIndex = (nextIndex + 1) % 131072;
  await db.$transaction(async (tx) => {
    await tx.credential.create({
      data: {
        id,
        issueKey: id,
        userId,
        achievementId,
        contentVersion: "test",
        lang: "en",
        issuedAt: from,
        validFrom: from,
        validUntil: until,
        revocationListId: "rev-list-000",
        suspensionListId: "sus-list-000",
        statusListIndex: nextIndex,
        keyId: "key",
        signedJson: "{}",
      },
      select: { id: true },
    });
    await refreshVetting(tx, userId, NOW);
  });
  return id;
}

/** Records a check the officer may record (evidence "CASE-1"); fails loudly on a refusal. */
export async function recordOk(
  officer: VettingActor,
  input: { userId: string; orgId: string; kind: string; result: string; checkedOn: string } & Record<string, string>,
  now = NOW,
) {
  const outcome = await recordCheck(officer, { evidenceRef: "CASE-1", ...input }, now);
  if (!outcome.ok) throw new Error(`recordCheck: ${outcome.reason}`);
  return outcome.id;
}
