// Clearance attestations on a controlled clock: who may issue and revoke (refusals write
// nothing but a security event), the signed JSON (independent verifier, OB 3.0 schema, a
// hashed subject that names no one), the suspension bit following the data through a lapse
// and a renewal, the stable link, and the verifier's name check (matches / does not match /
// rate-limited).
import fs from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import {
  forgetStatusLists,
  forgetVerdicts,
  issueClearance,
  nameHash,
  normalizeName,
  revokeClearance,
  statusListCredential,
  clearanceVerifyPage,
  holderClearances,
  type ClearanceActor,
} from "~/modules/credentials/index.server.ts";
import { correctCheck, renewCheck } from "~/modules/vetting/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify.$id/route.tsx";
import { action as personAction, loader as personLoader } from "~/routes/$lang.vetting.people.$userId/route.tsx";
import { createOrg, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { verifyProofIndependently } from "../helpers/vc-verify.ts";
import { at, credential, day, member, NOW, PROFILE, recordOk, vettingWorld } from "../helpers/vetting-world.ts";
import { fetchDid } from "./credentials-fixture.ts";

const NAME = "María José Pérez Gómez";

const schemaPath = path.resolve(
  __dirname,
  "../../../shared/standards/openbadges-3.0/achievementcredential.schema.json",
);
let validate: ReturnType<Ajv2019["compile"]>;
beforeAll(() => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
});

let orgId: string;
let officer: ClearanceActor;
let admin: ClearanceActor;
let agent: { id: string; email: string };
let polygraphId: string;

const check = (kind: string, checkedOn: string, now = NOW) =>
  recordOk(officer, { userId: agent.id, orgId, kind, result: "passed", checkedOn }, now);

const counts = async () => ({
  clearances: await db.clearance.count(),
  attestations: await db.clearanceAttestation.count(),
  audit: await db.auditEvent.count(),
  security: await db.securityEvent.count(),
});

/** The suspension bit of an attestation in the list as served at `now`. */
async function suspended(attestationId: string, now: Date) {
  const row = await db.clearanceAttestation.findUniqueOrThrow({
    where: { id: attestationId },
    select: { suspensionListId: true, statusListIndex: true },
  });
  const served = await statusListCredential(row.suspensionListId, now);
  const subject = served!.json.credentialSubject as { encodedList: string };
  return (await decodeList({ encodedList: subject.encodedList })).getStatus(row.statusListIndex);
}

const issue = (now = NOW, actor = officer) =>
  issueClearance(actor, { userId: agent.id, orgId, profileId: PROFILE }, now);

beforeEach(async () => {
  await resetDatabase();
  forgetStatusLists();
  forgetVerdicts();
  ({ orgId, officer, agent } = await vettingWorld({ agentName: NAME }));
  admin = { id: (await member(orgId, "org_admin")).id, orgIds: [orgId] };
  await credential(agent.id, "aml-core-certificate", at(-100), at(600));
  await credential(agent.id, "joint-operations-certificate", at(-100), at(600));
  await check("background-investigation", day(-10));
  await check("control-de-confianza", day(-10));
  // Polygraph passed 700 days ago: valid 24 months, so it lapses about 30 days from NOW.
  polygraphId = await check("polygraph", day(-700));
});

describe("issuing", () => {
  it("refuses a person not cleared, writing nothing but a security event", async () => {
    const before = await counts();
    expect(await issue(at(40))).toEqual({ ok: false, reason: "notCleared" });
    const after = await counts();
    expect(after).toEqual({ ...before, security: before.security + 1 });
    expect(await db.securityEvent.count({ where: { kind: "clearance.issue.refused" } })).toBe(1);
  });

  it("refuses the holder issuing for themselves, and another organization's officer finds nothing", async () => {
    await grantRole(null, agent.id, orgId, "vetting_officer");
    const otherOrg = (await createOrg("mx_agency")).id;
    const stranger = { id: (await member(otherOrg, "vetting_officer")).id, orgIds: [otherOrg] };
    const before = await counts();
    expect(await issue(NOW, { id: agent.id, orgIds: [orgId] })).toEqual({ ok: false, reason: "ownRecord" });
    expect(await issue(NOW, stranger)).toEqual({ ok: false, reason: "notFound" });
    const after = await counts();
    expect(after).toEqual({ ...before, security: before.security + 2 });
  });

  it("signs a credential that verifies independently, fits the OB 3.0 schema and names no one", async () => {
    const issued = await issue();
    expect(issued).toMatchObject({ ok: true });
    const { attestationId } = issued as { attestationId: string };
    const row = await db.clearanceAttestation.findUniqueOrThrow({
      where: { id: attestationId },
      select: { signedJson: true, validUntil: true },
    });
    const json = JSON.parse(row.signedJson) as {
      validUntil: string;
      credentialSubject: {
        identifier: { identityHash: string; salt: string; hashed: boolean }[];
        source: { name: string };
      };
    };
    const did = (await fetchDid()).json() as never;
    expect((await verifyProofIndependently(json, did, NOW)).verified).toBe(true);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // Valid until the earliest expiry among the requirements: the polygraph's.
    expect(new Date(json.validUntil).toISOString().slice(0, 10)).toBe("2026-07-01");
    const [identity] = json.credentialSubject.identifier;
    expect(identity!.hashed).toBe(true);
    expect(identity!.identityHash).toBe(nameHash(NAME, identity!.salt));
    expect(identity!.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    for (const part of [NAME, agent.email, "Pérez", "Perez", "María", agent.id])
      expect(row.signedJson.toLowerCase()).not.toContain(part.toLowerCase());
    expect(await db.auditEvent.count({ where: { action: "clearance.issued" } })).toBe(1);
  });

  it("normalizes names the same way for hashing and for the typed name", () => {
    expect(normalizeName("  MARIA JOSE   PEREZ gomez ")).toBe(normalizeName(NAME));
    expect(normalizeName("María José Pérez")).not.toBe(normalizeName(NAME));
  });
});

describe("status", () => {
  it("suspends through a lapse by time alone, reinstates on renewal, and the link shows the newest", async () => {
    const first = (await issue()) as { ok: true; clearanceId: string; attestationId: string };
    expect(await suspended(first.attestationId, at(1))).toBe(false);
    // The polygraph lapses (about day 30) with nothing recorded: the served list follows.
    expect(await suspended(first.attestationId, at(35))).toBe(true);
    const renewed = await renewCheck(
      { id: officer.id, orgIds: [orgId] },
      { userId: agent.id, renewsId: polygraphId, result: "passed", checkedOn: day(36), evidenceRef: "CASE-2" },
      at(36),
    );
    expect(renewed).toMatchObject({ ok: true });
    expect(await suspended(first.attestationId, at(37))).toBe(false);
    const second = (await issue(at(37))) as { ok: true; clearanceId: string; attestationId: string };
    expect(second.clearanceId).toBe(first.clearanceId);
    const page = await clearanceVerifyPage(first.clearanceId, "en", { now: at(38) });
    expect(page).toMatchObject({ attestationId: second.attestationId, initials: "M. J. P. G.", superseded: false });
    expect(page!.verdict.state).toBe("valid");
    const old = await clearanceVerifyPage(first.attestationId, "es", { now: at(38) });
    expect(old).toMatchObject({ attestationId: first.attestationId, superseded: true });
    expect(old!.verdict.state).toBe("expired");
  });

  it("suspends when a requirement fails and reinstates when it is met again (verification page too)", async () => {
    const first = (await issue()) as { ok: true; clearanceId: string; attestationId: string };
    expect((await clearanceVerifyPage(first.clearanceId, "en", { now: at(1) }))!.verdict.state).toBe("expiring");
    const failed = await correctCheck(
      { id: officer.id, orgIds: [orgId] },
      {
        userId: agent.id,
        supersedesId: polygraphId,
        kind: "polygraph",
        result: "failed",
        checkedOn: day(-700),
        evidenceRef: "CASE-1",
        reason: "Result entered wrongly",
      },
      at(2),
    );
    expect(failed).toMatchObject({ ok: true });
    expect((await clearanceVerifyPage(first.clearanceId, "en", { now: at(3) }))!.verdict.state).toBe("suspended");
    expect((await holderClearances(agent.id, "en", at(3)))[0]!.state).toBe("suspended");
    await check("polygraph", day(3), at(3));
    expect((await clearanceVerifyPage(first.clearanceId, "en", { now: at(4) }))!.verdict.state).toBe("expiring");
  });

  it("is revoked only by an org admin or officer, not on their own record, with a reason", async () => {
    const first = (await issue()) as { ok: true; clearanceId: string; attestationId: string };
    const input = { clearanceId: first.clearanceId, reason: "misconduct" };
    expect(await revokeClearance({ id: agent.id, orgIds: [orgId] }, input, at(1))).toEqual({
      ok: false,
      reason: "ownRecord",
    });
    const otherOrg = (await createOrg("mx_agency")).id;
    expect(await revokeClearance({ id: officer.id, orgIds: [otherOrg] }, input, at(1))).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await revokeClearance(admin, { ...input, reason: "" }, at(1))).toEqual({
      ok: false,
      reason: "reasonRequired",
    });
    expect(await db.clearanceAttestation.count({ where: { revokedAt: { not: null } } })).toBe(0);
    expect(await revokeClearance(admin, input, at(1))).toMatchObject({ ok: true });
    expect((await clearanceVerifyPage(first.clearanceId, "en", { now: at(2) }))!.verdict.state).toBe("revoked");
    expect(await db.auditEvent.count({ where: { action: "clearance.revoked" } })).toBe(1);
  });
});

describe("the verification page", () => {
  const confirm = (id: string, name: string, ip: string, lang = "es") =>
    run(
      verifyAction,
      makeRequest(`/verify/${id}?lang=${lang}`, { form: { name } }),
      { id },
      { clientIp: ip, requestId: "t" },
    );

  it("shows initials only, and answers the typed name: matches, does not match, then rate-limited", async () => {
    // The route reads the real clock: renew the polygraph so the agent is cleared today too.
    await renewCheck(
      { id: officer.id, orgIds: [orgId] },
      { userId: agent.id, renewsId: polygraphId, result: "passed", checkedOn: day(1), evidenceRef: "CASE-2" },
      at(1),
    );
    const { clearanceId } = (await issue(new Date())) as { ok: true; clearanceId: string };
    const page = await run(verifyLoader, makeRequest(`/verify/${clearanceId}?lang=es`), { id: clearanceId });
    expect(page.status).toBe(200);
    const body = JSON.stringify(page.data);
    expect(body).toContain("M. J. P. G.");
    expect(body).not.toContain("Pérez");
    expect((await confirm(clearanceId, "MARIA JOSE PEREZ GOMEZ", "198.51.100.9")).data).toMatchObject({
      confirmed: true,
    });
    expect((await confirm(clearanceId, "María Pérez", "198.51.100.9")).data).toMatchObject({ confirmed: false });
    for (let i = 0; i < 8; i++) await confirm(clearanceId, "Someone Else", "198.51.100.9");
    const before = await db.securityEvent.count();
    const limited = await confirm(clearanceId, NAME, "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(limited.data).toMatchObject({ confirmed: null, limited: true });
    expect(await db.securityEvent.count({ where: { kind: "clearance.name-confirmation.refused" } })).toBe(1);
    expect(await db.securityEvent.count()).toBe(before + 1);
    // Another address is not affected.
    expect((await confirm(clearanceId, NAME, "198.51.100.10")).data).toMatchObject({ confirmed: true });
  });
});

describe("the officer's person page", () => {
  const post = (cookie: string, userId: string, form: Record<string, string>, lang = "es") =>
    run(personAction, makeRequest(`/${lang}/vetting/people/${userId}`, { cookie, form }), { lang, userId });

  it("issues through the page; another organization's officer gets a 404 and writes nothing", async () => {
    await renewCheck(
      { id: officer.id, orgIds: [orgId] },
      { userId: agent.id, renewsId: polygraphId, result: "passed", checkedOn: day(1), evidenceRef: "CASE-2" },
      at(1),
    );
    const otherOrg = (await createOrg("mx_agency")).id;
    const stranger = await member(otherOrg, "vetting_officer");
    const before = await counts();
    const refused = await post(await sessionCookie(stranger.id), agent.id, {
      intent: "clearance-issue",
      orgId,
      profileId: PROFILE,
    });
    expect(refused.status).toBe(404);
    expect(await counts()).toMatchObject({ clearances: 0, attestations: 0, audit: before.audit });

    const cookie = await sessionCookie(officer.id);
    const issued = await post(cookie, agent.id, { intent: "clearance-issue", orgId, profileId: PROFILE });
    expect(issued.status).toBe(302);
    const page = await run(personLoader, makeRequest(`/es/vetting/people/${agent.id}`, { cookie }), {
      lang: "es",
      userId: agent.id,
    });
    const data = page.data as { clearances: { cards: { url: string; state: string; canRevoke: boolean }[] } };
    expect(data.clearances.cards).toHaveLength(1);
    expect(data.clearances.cards[0]).toMatchObject({ canRevoke: true });
    expect(data.clearances.cards[0]!.url).toMatch(/\/verify\/[0-9a-z]{26}$/);

    const noReason = await post(cookie, agent.id, {
      intent: "clearance-revoke",
      clearanceId: data.clearances.cards[0]!.url.split("/").at(-1)!,
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("Elija un motivo");
  });

  it("a check corrected on the page suspends the clearance at once, inside the list's time window", async () => {
    const renewed = await renewCheck(
      { id: officer.id, orgIds: [orgId] },
      { userId: agent.id, renewsId: polygraphId, result: "passed", checkedOn: day(1), evidenceRef: "CASE-2" },
      at(1),
    );
    const { clearanceId } = (await issue(new Date())) as { ok: true; clearanceId: string };
    const state = async () =>
      (
        (await run(verifyLoader, makeRequest(`/verify/${clearanceId}`), { id: clearanceId })).data as {
          clearance: { verdict: { state: string } };
        }
      ).clearance.verdict.state;
    expect(await state()).toBe("valid");
    const corrected = await post(await sessionCookie(officer.id), agent.id, {
      intent: "correct",
      checkId: (renewed as { id: string }).id,
      kind: "polygraph",
      result: "failed",
      checkedOn: day(1),
      evidenceRef: "CASE-2",
      reason: "Result entered wrongly",
    });
    expect(corrected.status).toBe(302);
    expect(await state()).toBe("suspended");
  });
});
