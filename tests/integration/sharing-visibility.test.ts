// What a partner sees through a sharing agreement: only while it is in force, only the named
// profiles' people of the grantor, and reasons at category level — never check kinds,
// results, dates or evidence references; a shared person's history stays out of reach.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { categoriesOf } from "~/modules/sharing/index.ts";
import { changeAgreement, proposeAgreement, sharedPeople } from "~/modules/sharing/index.server.ts";
import { assignProfile, personVetting, recordCheck } from "~/modules/vetting/index.server.ts";
import * as sharedPage from "~/routes/$lang.vetting.shared/route.tsx";
import { createMember, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { orgWithAdmin } from "../helpers/orgs.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const PROFILE = "joint-team-agent";

async function world() {
  const mx = await orgWithAdmin("mx_agency");
  const us = await orgWithAdmin("us_agency");
  const officer = (await createMember("vetting_officer", mx.orgId)).user;
  const agent = (await createMember("learner", mx.orgId)).user;
  await db.user.update({ where: { id: agent.id }, data: { name: "María José Pérez Gómez" } });
  const usSupervisor = (await createMember("supervisor", us.orgId)).user;
  const mxSupervisor = (await createMember("supervisor", mx.orgId)).user;
  const actor = { id: officer.id, orgIds: [mx.orgId] };
  expect(await assignProfile(actor, { userId: agent.id, orgId: mx.orgId, profileId: PROFILE })).toMatchObject({
    ok: true,
  });
  const today = new Date().toISOString().slice(0, 10);
  expect(
    await recordCheck(actor, {
      userId: agent.id,
      orgId: mx.orgId,
      kind: "polygraph",
      result: "pending",
      checkedOn: today,
      evidenceRef: "EXP-SECRETO-2026-114",
    }),
  ).toMatchObject({ ok: true });
  return { mx, us, agent, usSupervisor, mxSupervisor };
}

async function agree(
  w: Awaited<ReturnType<typeof world>>,
  endsOn = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
) {
  const proposed = await proposeAgreement(w.mx.admin.id, [w.mx.orgId], {
    grantorOrgId: w.mx.orgId,
    granteeOrgId: w.us.orgId,
    profileIds: [PROFILE],
    endsOn: new Date(`${endsOn}T00:00:00Z`),
  });
  if (!proposed.ok) throw new Error(proposed.reason);
  return proposed.id;
}

describe("what a partner sees", () => {
  it("maps reasons to categories only", () => {
    expect(
      categoriesOf([
        { code: "credential.missing" },
        { code: "check.pending" },
        { code: "check.expiring" },
        { code: "credential.expiring" },
      ]),
    ).toEqual(["training", "vetting", "lapsesSoon"]);
    expect(categoriesOf([])).toEqual([]);
  });

  it("nothing before acceptance, categories while in force, nothing after it ends", async () => {
    const w = await world();
    const id = await agree(w);
    expect(await sharedPeople([w.us.orgId])).toEqual([]);

    expect((await changeAgreement(w.us.admin.id, [w.us.orgId], id, "accept")).ok).toBe(true);
    const [view] = await sharedPeople([w.us.orgId]);
    expect(view?.people).toEqual([
      {
        userId: w.agent.id,
        name: "María José Pérez Gómez",
        profileId: PROFILE,
        status: "pending",
        soonestLapse: null,
        categories: ["training", "vetting"],
      },
    ]);

    // The page, in Spanish, as the US supervisor: names the agreement and shows no detail.
    const cookie = await sessionCookie(w.usSupervisor.id);
    const page = await run(sharedPage.loader, makeRequest("/es/vetting/shared", { cookie }), { lang: "es" });
    expect(page.status).toBe(200);
    const body = JSON.stringify(page.data);
    expect(body).toContain("María José Pérez Gómez");
    expect(body).not.toMatch(/polygraph|poligr|EXP-SECRETO|pending since|pendiente desde/i);

    // The partner cannot open the person's history by id.
    expect(await personVetting({ orgIds: [w.us.orgId], userId: w.agent.id, now: new Date() })).toBeNull();
    // The grantor's own supervisor sees nothing of the US side: an agreement goes one way.
    expect(await sharedPeople([w.mx.orgId])).toEqual([]);

    expect((await changeAgreement(w.us.admin.id, [w.us.orgId], id, "end")).ok).toBe(true);
    expect(await sharedPeople([w.us.orgId])).toEqual([]);
  });

  it("only the named profiles, and nothing once the end date has passed", async () => {
    const w = await world();
    const other = (await createMember("learner", w.mx.orgId)).user;
    const id = await agree(w, new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
    expect((await changeAgreement(w.us.admin.id, [w.us.orgId], id, "accept")).ok).toBe(true);
    const [view] = await sharedPeople([w.us.orgId]);
    // `other` has no profile assignment: not shared.
    expect(view?.people.map((p) => p.userId)).toEqual([w.agent.id]);
    expect(view?.people.some((p) => p.userId === other.id)).toBe(false);
    expect(await sharedPeople([w.us.orgId], new Date(Date.now() + 3 * 86_400_000))).toEqual([]);
  });

  it("a learner cannot open the partner view", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.agent.id);
    const page = await run(sharedPage.loader, makeRequest("/en/vetting/shared", { cookie }), { lang: "en" });
    expect(page.status).toBe(403);
  });
});
