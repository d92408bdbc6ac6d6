// Sharing agreements between organizations: the grantor proposes, only the grantee's org
// admin accepts, either side ends; both see the same history; refusals change nothing and go
// to the security log. The partner view of shared people is tested with the vetting dashboard.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { agreementsOf, changeAgreement, proposeAgreement, sharedWith } from "~/modules/sharing/index.server.ts";
import * as sharingPage from "~/routes/$lang.orgs.$orgId.sharing/route.tsx";
import { createMember, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { orgWithAdmin } from "../helpers/orgs.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const PROFILE = "joint-team-agent";
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const NOW = new Date("2026-06-01T12:00:00Z");

async function world() {
  const mx = await orgWithAdmin("mx_agency");
  const us = await orgWithAdmin("us_agency");
  const third = await orgWithAdmin("law_school");
  return { mx, us, third };
}

async function counts() {
  const [agreements, audit, security] = await Promise.all([
    db.sharingAgreement.count({ where: { endedAt: null, acceptedAt: null } }),
    db.auditEvent.count(),
    db.securityEvent.count(),
  ]);
  const accepted = await db.sharingAgreement.count({ where: { acceptedAt: { not: null } } });
  return { agreements, accepted, audit, security };
}

describe("sharing agreements", () => {
  it("is proposed by the grantor, shows nothing until the grantee accepts, and ends from either side", async () => {
    const { mx, us } = await world();
    const proposed = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: [PROFILE], endsOn: day("2026-12-31") },
      NOW,
    );
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    expect(await sharedWith([us.orgId], NOW)).toEqual([]);
    expect((await agreementsOf(us.orgId, NOW)).map((a) => [a.direction, a.state])).toEqual([["incoming", "proposed"]]);
    expect((await agreementsOf(mx.orgId, NOW)).map((a) => [a.direction, a.state])).toEqual([["outgoing", "proposed"]]);

    // The grantor cannot accept its own proposal.
    const before = await counts();
    expect(await changeAgreement(mx.admin.id, [mx.orgId], proposed.id, "accept", NOW)).toEqual({
      ok: false,
      reason: "notFound",
    });
    const after = await counts();
    expect({ ...after, security: before.security }).toEqual(before);
    expect(after.security).toBe(before.security + 1);

    expect((await changeAgreement(us.admin.id, [us.orgId], proposed.id, "accept", NOW)).ok).toBe(true);
    const shared = await sharedWith([us.orgId], NOW);
    expect(shared.map((s) => [s.grantor.id, s.profileIds])).toEqual([[mx.orgId, [PROFILE]]]);
    // The grantor sees nothing of the grantee's people: an agreement goes one way.
    expect(await sharedWith([mx.orgId], NOW)).toEqual([]);

    // In force through its last day, gone the day after.
    expect(await sharedWith([us.orgId], new Date("2026-12-31T23:59:00Z"))).toHaveLength(1);
    expect(await sharedWith([us.orgId], new Date("2027-01-01T00:00:00Z"))).toEqual([]);
    expect((await agreementsOf(mx.orgId, new Date("2027-01-02T00:00:00Z")))[0]?.state).toBe("expired");

    // Either side ends it; both sides see it in the history.
    expect((await changeAgreement(mx.admin.id, [mx.orgId], proposed.id, "end", NOW)).ok).toBe(true);
    expect(await sharedWith([us.orgId], NOW)).toEqual([]);
    expect((await agreementsOf(us.orgId, NOW))[0]?.state).toBe("ended");
    expect((await agreementsOf(mx.orgId, NOW))[0]?.state).toBe("ended");
    const actions = await db.auditEvent.findMany({
      where: { action: { startsWith: "sharing." } },
      select: { action: true },
      orderBy: { seq: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["sharing.proposed", "sharing.accepted", "sharing.ended"]);
  });

  it("refuses an agreement with itself, one ending in the past, and acceptance by a third organization", async () => {
    const { mx, us, third } = await world();
    const before = await counts();
    const own = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: mx.orgId, profileIds: [PROFILE], endsOn: day("2026-12-31") },
      NOW,
    );
    expect(own).toEqual({ ok: false, reason: "ownOrg" });
    const past = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: [PROFILE], endsOn: day("2026-05-31") },
      NOW,
    );
    expect(past).toEqual({ ok: false, reason: "endInPast" });
    const unknownProfile = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: ["no-such"], endsOn: day("2026-12-31") },
      NOW,
    );
    expect(unknownProfile).toEqual({ ok: false, reason: "unknownProfile" });
    // An org admin of another organization cannot propose in the grantor's name.
    const foreign = await proposeAgreement(
      us.admin.id,
      [us.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: [PROFILE], endsOn: day("2026-12-31") },
      NOW,
    );
    expect(foreign).toEqual({ ok: false, reason: "notFound" });
    const after = await counts();
    expect({ ...after, security: before.security }).toEqual(before);
    expect(after.security).toBe(before.security + 2);

    const proposed = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: [PROFILE], endsOn: day("2026-12-31") },
      NOW,
    );
    if (!proposed.ok) throw new Error(proposed.reason);
    expect(await changeAgreement(third.admin.id, [third.orgId], proposed.id, "accept", NOW)).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await changeAgreement(third.admin.id, [third.orgId], proposed.id, "end", NOW)).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await sharedWith([us.orgId, third.orgId], NOW)).toEqual([]);
    // A second open agreement in the same direction is refused; the reverse direction is its own.
    const again = await proposeAgreement(
      mx.admin.id,
      [mx.orgId],
      { grantorOrgId: mx.orgId, granteeOrgId: us.orgId, profileIds: [PROFILE], endsOn: day("2026-10-31") },
      NOW,
    );
    expect(again).toEqual({ ok: false, reason: "alreadyOpen" });
    const reverse = await proposeAgreement(
      us.admin.id,
      [us.orgId],
      { grantorOrgId: us.orgId, granteeOrgId: mx.orgId, profileIds: [PROFILE], endsOn: day("2026-10-31") },
      NOW,
    );
    expect(reverse.ok).toBe(true);
    // A proposal never accepted shows nothing, and once withdrawn it cannot be accepted.
    expect((await changeAgreement(mx.admin.id, [mx.orgId], proposed.id, "end", NOW)).ok).toBe(true);
    expect((await agreementsOf(us.orgId, NOW)).find((a) => a.id === proposed.id)?.state).toBe("withdrawn");
    expect(await changeAgreement(us.admin.id, [us.orgId], proposed.id, "accept", NOW)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await sharedWith([us.orgId], NOW)).toEqual([]);
  });

  it("the page: org admins only, their own organization, translated refusals", async () => {
    const { mx, us } = await world();
    const params = { lang: "es", orgId: mx.orgId };
    const page = await run(sharingPage.loader, makeRequest("/es/x", { cookie: mx.cookie }), params);
    expect(page.status).toBe(200);
    // Another organization's admin, and a learner of this one: 404 and 403.
    expect((await run(sharingPage.loader, makeRequest("/es/x", { cookie: us.cookie }), params)).status).toBe(404);
    const learner = (await createMember("learner", mx.orgId)).user;
    const learnerCookie = await sessionCookie(learner.id);
    expect((await run(sharingPage.loader, makeRequest("/es/x", { cookie: learnerCookie }), params)).status).toBe(403);

    const refused = await run(
      sharingPage.action,
      makeRequest("/es/x", {
        cookie: mx.cookie,
        form: { intent: "propose", granteeOrgId: mx.orgId, profileId: PROFILE, endsOn: "2099-01-01" },
      }),
      params,
    );
    expect(refused.status).toBe(400);
    expect((refused.data as { message: string }).message).toMatch(/consigo misma|cinco años/);
    const bad = await run(
      sharingPage.action,
      makeRequest("/es/x", { cookie: mx.cookie, form: { intent: "propose", granteeOrgId: us.orgId, endsOn: "x" } }),
      params,
    );
    expect(bad.status).toBe(400);
    expect(await db.sharingAgreement.count()).toBe(0);

    const endsOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const ok = await run(
      sharingPage.action,
      makeRequest("/es/x", {
        cookie: mx.cookie,
        form: { intent: "propose", granteeOrgId: us.orgId, profileId: PROFILE, endsOn },
      }),
      params,
    );
    expect(ok.status).toBe(302);
    const agreement = await db.sharingAgreement.findFirstOrThrow({ select: { id: true } });
    // The grantee accepts from its own page; the grantor's page cannot accept for it.
    const wrong = await run(
      sharingPage.action,
      makeRequest("/es/x", { cookie: mx.cookie, form: { intent: "accept", agreementId: agreement.id } }),
      params,
    );
    // Not the grantor's to accept: the module answers "not found", so the page 404s (issue 18).
    expect(wrong.status).toBe(404);
    const accepted = await run(
      sharingPage.action,
      makeRequest("/es/x", { cookie: us.cookie, form: { intent: "accept", agreementId: agreement.id } }),
      { lang: "es", orgId: us.orgId },
    );
    expect(accepted.status).toBe(302);
    const view = await run(sharingPage.loader, makeRequest("/es/x", { cookie: us.cookie }), {
      lang: "es",
      orgId: us.orgId,
    });
    expect((view.data as { inForce: { partner: string }[] }).inForce).toHaveLength(1);
  });
});
