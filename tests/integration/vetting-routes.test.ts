// The officer's pages: who may open them, what a refusal says (in the page's language), and
// that a refused form writes nothing but a security event.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { loader as checksLoader } from "~/routes/$lang.vetting.checks/route.tsx";
import { action as personAction, loader as personLoader } from "~/routes/$lang.vetting.people.$userId/route.tsx";
import { createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

let orgId: string;
let officer: { id: string; cookie: string };
let agent: { id: string; name: string };
let stranger: { id: string };

beforeEach(async () => {
  await resetDatabase();
  orgId = (await createOrg("mx_agency")).id;
  const otherOrg = (await createOrg()).id;
  const officerUser = await createUser();
  await grantRole(null, officerUser.id, orgId, "vetting_officer");
  officer = { id: officerUser.id, cookie: await sessionCookie(officerUser.id) };
  agent = await createUser({ name: "Agente Prueba" });
  await grantRole(null, agent.id, orgId, "learner");
  stranger = await createUser();
  await grantRole(null, stranger.id, otherOrg, "learner");
});

const post = (lang: string, userId: string, form: Record<string, string>, cookie = officer.cookie) =>
  run(personAction, makeRequest(`/${lang}/vetting/people/${userId}`, { cookie, form }), { lang, userId });

describe("vetting officer pages", { timeout: 90_000 }, () => {
  it("assigns a profile, records a check and shows the status with its reasons", async () => {
    const assigned = await post("en", agent.id, { intent: "assign", orgId, profileId: "joint-team-agent" });
    expect(assigned.status).toBe(302);
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await post("en", agent.id, {
      intent: "record",
      orgId,
      kind: "polygraph",
      result: "passed",
      checkedOn: today,
      expiresOn: "",
      evidenceRef: "EXP-2026-001",
    });
    expect(recorded.status).toBe(302);
    expect(recorded.location).toBe(`/en/vetting/people/${agent.id}?done=recorded`);
    const page = await run(personLoader, makeRequest(`/es/vetting/people/${agent.id}`, { cookie: officer.cookie }), {
      lang: "es",
      userId: agent.id,
    });
    const data = page.data as {
      assignments: { status: string; reasons: string[] }[];
      checks: { evidenceRef: string }[];
    };
    expect(data.assignments[0]!.status).toBe("pending");
    expect(data.assignments[0]!.reasons).toContain("No hay registro de Investigación de antecedentes");
    expect(data.checks.map((c) => c.evidenceRef)).toEqual(["EXP-2026-001"]);
    const list = await run(checksLoader, makeRequest("/en/vetting/checks", { cookie: officer.cookie }), { lang: "en" });
    const rows = (list.data as { people: { name: string; status: string }[] }).people;
    expect(rows).toEqual([expect.objectContaining({ name: "Agente Prueba", status: "pending" })]);
  });

  it("refuses a future date in the reader's language, writing nothing but a security event", async () => {
    await post("en", agent.id, { intent: "assign", orgId, profileId: "joint-team-agent" });
    const before = { checks: await db.vettingCheck.count(), audit: await db.auditEvent.count() };
    const refused = await post("es", agent.id, {
      intent: "record",
      orgId,
      kind: "polygraph",
      result: "passed",
      checkedOn: "2099-01-01",
      evidenceRef: "EXP-1",
    });
    expect(refused.status).toBe(400);
    expect((refused.data as { message: string }).message).toBe("La fecha de la evaluación no puede ser futura.");
    expect({ checks: await db.vettingCheck.count(), audit: await db.auditEvent.count() }).toEqual(before);
    expect(await db.securityEvent.count({ where: { kind: "vetting.record.refused" } })).toBe(1);
  });

  it("does not open a person outside the officer's organizations, nor the pages for a learner", async () => {
    const outside = await run(
      personLoader,
      makeRequest(`/en/vetting/people/${stranger.id}`, { cookie: officer.cookie }),
      { lang: "en", userId: stranger.id },
    );
    expect(outside.status).toBe(404);
    const learnerCookie = await sessionCookie(agent.id);
    const list = await run(checksLoader, makeRequest("/en/vetting/checks", { cookie: learnerCookie }), { lang: "en" });
    expect(list.status).toBe(403);
    expect(await db.securityEvent.count({ where: { kind: "vetting.checks.refused", actorId: agent.id } })).toBe(1);
    const posted = await post(
      "en",
      agent.id,
      { intent: "record", orgId, kind: "polygraph", result: "passed", checkedOn: "2026-01-01", evidenceRef: "X" },
      learnerCookie,
    );
    expect(posted.status).toBe(403);
    expect(await db.securityEvent.count({ where: { kind: "vetting.record.refused" } })).toBe(1);
  });

  it("refuses the officer's own record", async () => {
    const own = await post("en", officer.id, { intent: "assign", orgId, profileId: "joint-team-agent" });
    expect(own.status).toBe(400);
    expect((own.data as { message: string }).message).toMatch(/your own record/);
  });
});
