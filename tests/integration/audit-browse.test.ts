// Browsing the audit trail: admins page and filter it and export it as CSV; anyone else is
// refused; a supervisor sees, on a person's page, the changes recorded about that person only.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grantRole, revokeRole } from "~/modules/orgs/index.server.ts";
import { loader as auditLoader } from "~/routes/$lang.admin.audit._index/route.tsx";
import { loader as exportLoader } from "~/routes/$lang.admin.audit.export/route.ts";
import { loader as personLoader } from "~/routes/$lang.vetting.$userId/route.tsx";
import { db } from "~/modules/db/index.server.ts";
import { createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

type Page = { total: number; rows: { action: string; subject: string; actor: string | null }[]; badDate: boolean };

async function world() {
  const admin = await createUser({ admin: true, name: "Ada Admin" });
  const org = await createOrg();
  const supervisor = await createUser({ name: "Sue Supervisor" });
  const person = await createUser({ name: "Pat Person" });
  const stranger = await createUser({ name: "Stan Stranger" });
  await grantRole(admin.id, supervisor.id, org.id, "supervisor");
  await grantRole(admin.id, person.id, org.id, "learner");
  await grantRole(admin.id, person.id, org.id, "instructor");
  await revokeRole(admin.id, person.id, org.id, "instructor");
  await grantRole(admin.id, stranger.id, (await createOrg()).id, "learner");
  await db.profileAssignment.create({ data: { orgId: org.id, userId: person.id, profileId: "joint-team-agent" } });
  return { admin, org, supervisor, person, stranger };
}

describe("audit trail browsing", () => {
  it("an admin pages and filters by action and date; bad dates are reported, not an error", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.admin.id);
    const all = (await run(auditLoader, makeRequest("/en/admin/audit", { cookie }), { lang: "en" })).data as Page;
    expect(all.total).toBe(await db.auditEvent.count());
    expect(all.rows[0]!.actor).toBe("Ada Admin");
    const revoked = (
      await run(auditLoader, makeRequest("/en/admin/audit?action=membership.role.revoked", { cookie }), { lang: "en" })
    ).data as Page;
    expect(revoked.rows.map((r) => [r.action, r.subject])).toEqual([
      ["membership.role.revoked", `user:${w.person.id}`],
    ]);
    const prefix = (
      await run(auditLoader, makeRequest("/en/admin/audit?action=membership.", { cookie }), { lang: "en" })
    ).data as Page;
    expect(prefix.total).toBe(5);
    const today = new Date().toISOString().slice(0, 10);
    const dated = (
      await run(auditLoader, makeRequest(`/en/admin/audit?from=${today}&to=${today}`, { cookie }), { lang: "en" })
    ).data as Page;
    expect(dated.total).toBe(all.total);
    const past = (await run(auditLoader, makeRequest(`/en/admin/audit?to=2001-01-01`, { cookie }), { lang: "en" }))
      .data as Page;
    expect(past.total).toBe(0);
    const bad = (await run(auditLoader, makeRequest(`/en/admin/audit?from=31/12/2026`, { cookie }), { lang: "en" }))
      .data as Page;
    expect(bad.badDate).toBe(true);
    expect(bad.total).toBe(all.total);
  });

  it("the CSV has every matching event; a supervisor or learner is refused both (403)", async () => {
    const w = await world();
    const res = await exportLoader({
      request: makeRequest("/es/admin/audit/export?action=membership.role.granted", {
        cookie: await sessionCookie(w.admin.id),
      }),
      params: { lang: "es" },
      context: {},
    });
    const lines = new TextDecoder()
      .decode(await res.arrayBuffer())
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Acción");
    expect(lines).toHaveLength(1 + 4);
    for (const id of [w.supervisor.id, w.person.id]) {
      const cookie = await sessionCookie(id);
      expect((await run(auditLoader, makeRequest("/en/admin/audit", { cookie }), { lang: "en" })).status).toBe(403);
      expect((await run(exportLoader, makeRequest("/en/admin/audit/export", { cookie }), { lang: "en" })).status).toBe(
        403,
      );
    }
  });

  it("a supervisor sees the changes about their own person, and none about a stranger (404)", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const page = (
      await run(personLoader, makeRequest(`/en/vetting/${w.person.id}`, { cookie }), {
        lang: "en",
        userId: w.person.id,
      })
    ).data as { events: { action: string }[] };
    expect(page.events.map((e) => e.action).sort()).toEqual([
      "membership.role.granted",
      "membership.role.granted",
      "membership.role.revoked",
    ]);
    const stranger = await run(personLoader, makeRequest(`/en/vetting/${w.stranger.id}`, { cookie }), {
      lang: "en",
      userId: w.stranger.id,
    });
    expect(stranger.status).toBe(404);
  });
});
