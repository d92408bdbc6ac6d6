// An org admin reaching another organization's cohort, person or code by changing an id in the
// URL or a form gets a 404, and nothing is written.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { addPeople, cohortFor } from "~/modules/orgs/index.server.ts";
import * as orgPage from "~/routes/$lang.orgs.$orgId._index/route.tsx";
import * as codesPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.codes/route.tsx";
import * as cohortPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId._index/route.tsx";
import * as exportRoute from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.export/route.ts";
import * as newCohort from "~/routes/$lang.orgs.$orgId.cohorts.new/route.tsx";
import * as membersPage from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import * as personPage from "~/routes/$lang.orgs.$orgId.members.$userId/route.tsx";
import { createMember, resetDatabase } from "../helpers/factories.ts";
import { codeFor, cohortOf, orgWithAdmin, writeCounts } from "../helpers/orgs.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

type RouteFn = Parameters<typeof run>[0];

async function world() {
  const a = await orgWithAdmin("law_school");
  const b = await orgWithAdmin("bar_association");
  const learnerA = (await createMember("learner", a.orgId)).user;
  const learnerB = (await createMember("learner", b.orgId)).user;
  const cohortA = await cohortOf(a.orgId, a.admin.id, { name: "A cohort" });
  const cohortB = await cohortOf(b.orgId, b.admin.id, { name: "B cohort" });
  await addPeople(a.admin.id, (await cohortFor(a.orgId, cohortA))!, [learnerA.email]);
  await addPeople(b.admin.id, (await cohortFor(b.orgId, cohortB))!, [learnerB.email]);
  const codeA = await codeFor(a.orgId, a.admin.id, cohortA);
  const codeB = await codeFor(b.orgId, b.admin.id, cohortB);
  return { a, b, learnerA, learnerB, cohortA, cohortB, codeA, codeB };
}

describe("organization isolation", () => {
  it("the pages of one's own organization open (the baseline for every swap below)", async () => {
    const w = await world();
    const cookie = w.a.cookie;
    const params = { lang: "en", orgId: w.a.orgId, cohortId: w.cohortA, userId: w.learnerA.id };
    const pages: [RouteFn, string][] = [
      [orgPage.loader, `/en/orgs/${w.a.orgId}`],
      [cohortPage.loader, `/en/orgs/${w.a.orgId}/cohorts/${w.cohortA}`],
      [exportRoute.loader, `/en/orgs/${w.a.orgId}/cohorts/${w.cohortA}/export`],
      [codesPage.loader, `/en/orgs/${w.a.orgId}/cohorts/${w.cohortA}/codes`],
      [membersPage.loader, `/en/orgs/${w.a.orgId}/members`],
      [personPage.loader, `/en/orgs/${w.a.orgId}/members/${w.learnerA.id}`],
      [newCohort.loader, `/en/orgs/${w.a.orgId}/cohorts/new`],
    ];
    for (const [loader, pathname] of pages) {
      expect((await run(loader, makeRequest(pathname, { cookie }), params)).status, pathname).toBe(200);
    }
  });

  it("every URL with another organization's id answers 404", async () => {
    const w = await world();
    const cookie = w.a.cookie;
    const cases: [RouteFn, Record<string, string>][] = [
      // B's organization in the URL
      [orgPage.loader, { orgId: w.b.orgId }],
      [membersPage.loader, { orgId: w.b.orgId }],
      [newCohort.loader, { orgId: w.b.orgId }],
      [cohortPage.loader, { orgId: w.b.orgId, cohortId: w.cohortB }],
      [personPage.loader, { orgId: w.b.orgId, userId: w.learnerB.id }],
      // A's organization with B's cohort or person
      [cohortPage.loader, { orgId: w.a.orgId, cohortId: w.cohortB }],
      [exportRoute.loader, { orgId: w.a.orgId, cohortId: w.cohortB }],
      [codesPage.loader, { orgId: w.a.orgId, cohortId: w.cohortB }],
      [personPage.loader, { orgId: w.a.orgId, userId: w.learnerB.id }],
      [personPage.loader, { orgId: w.a.orgId, userId: w.b.admin.id }],
      [cohortPage.loader, { orgId: w.a.orgId, cohortId: "no-such-cohort" }],
    ];
    for (const [loader, ids] of cases) {
      const result = await run(loader, makeRequest(`/en/orgs/x`, { cookie }), { lang: "en", ...ids });
      expect(result.status, JSON.stringify(ids)).toBe(404);
    }
  });

  it("every form with another organization's id answers 404 and writes nothing", async () => {
    const w = await world();
    const cookie = w.a.cookie;
    const before = await writeCounts();
    const cases: [RouteFn, Record<string, string>, Record<string, string>][] = [
      // Changes posted to B's cohort through A's organization, and to B's organization directly
      [cohortPage.action, { orgId: w.a.orgId, cohortId: w.cohortB }, { intent: "archive" }],
      [cohortPage.action, { orgId: w.a.orgId, cohortId: w.cohortB }, { intent: "removePerson", userId: w.learnerB.id }],
      [cohortPage.action, { orgId: w.b.orgId, cohortId: w.cohortB }, { intent: "archive" }],
      [cohortPage.action, { orgId: w.a.orgId, cohortId: w.cohortB }, { intent: "addPeople", emails: w.learnerA.email }],
      // B's person in A's own cohort
      [cohortPage.action, { orgId: w.a.orgId, cohortId: w.cohortA }, { intent: "removePerson", userId: w.learnerB.id }],
      // B's code on A's codes page; B's cohort's codes page
      [codesPage.action, { orgId: w.a.orgId, cohortId: w.cohortA }, { intent: "revoke", codeId: w.codeB.id }],
      [codesPage.action, { orgId: w.a.orgId, cohortId: w.cohortB }, { intent: "revoke", codeId: w.codeB.id }],
      [
        codesPage.action,
        { orgId: w.a.orgId, cohortId: w.cohortB },
        { intent: "issue", seatLimit: "5", expiresOn: "2099-01-01" },
      ],
      // B's people on A's members page, and B's members page
      [membersPage.action, { orgId: w.a.orgId }, { intent: "grantRole", userId: w.learnerB.id, role: "instructor" }],
      [membersPage.action, { orgId: w.a.orgId }, { intent: "revokeRole", userId: w.learnerB.id, role: "learner" }],
      [membersPage.action, { orgId: w.a.orgId }, { intent: "endMembership", userId: w.learnerB.id }],
      [membersPage.action, { orgId: w.b.orgId }, { intent: "endMembership", userId: w.learnerB.id }],
      // Answering a partner invitation that was never sent to A
      [orgPage.action, { orgId: w.a.orgId }, { intent: "accept", cohortId: w.cohortB }],
      [
        newCohort.action,
        { orgId: w.b.orgId },
        { name: "x", startsOn: "2026-01-01", endsOn: "2026-02-01", courseIds: "aml-basics" },
      ],
    ];
    for (const [action, ids, form] of cases) {
      const result = await run(action, makeRequest("/en/orgs/x", { cookie, form }), { lang: "en", ...ids });
      expect(result.status, `${JSON.stringify(ids)} ${JSON.stringify(form)}`).toBe(404);
    }
    expect(await writeCounts()).toEqual(before);
    const codeB = await db.enrolmentCode.findUniqueOrThrow({ where: { id: w.codeB.id }, select: { revokedAt: true } });
    expect(codeB.revokedAt).toBeNull();
  });

  it("adding another organization's person by email adds nobody and says so", async () => {
    const w = await world();
    const before = await writeCounts();
    const result = await run(
      cohortPage.action,
      makeRequest("/en/orgs/x", { cookie: w.a.cookie, form: { intent: "addPeople", emails: w.learnerB.email } }),
      { lang: "en", orgId: w.a.orgId, cohortId: w.cohortA },
    );
    expect(result.status).toBe(200);
    expect((result.data as { report: string[] }).report).toEqual([w.learnerB.email]);
    expect(await writeCounts()).toEqual(before);
  });

  it("a learner (no org admin role) is refused every organization page", async () => {
    const w = await world();
    const { sessionCookie } = await import("../helpers/factories.ts");
    const cookie = await sessionCookie(w.learnerA.id);
    const result = await run(cohortPage.loader, makeRequest("/en/orgs/x", { cookie }), {
      lang: "en",
      orgId: w.a.orgId,
      cohortId: w.cohortA,
    });
    expect(result.status).toBe(403);
  });
});
