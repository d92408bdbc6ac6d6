// The platform admin's user pages: search, the user page, role changes and bad input.
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as adminUserAction, loader as adminUserLoader } from "~/routes/$lang.admin.users.$userId/route.tsx";
import { loader as adminUsersLoader } from "~/routes/$lang.admin.users._index/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeEach(resetDatabase);

type ListData = {
  users: {
    id: string;
    name: string;
    email: string;
    verified: boolean;
    deactivatedAt: unknown;
    locked: boolean;
    isPlatformAdmin: boolean;
    memberships: { orgName: string; roles: string[] }[];
  }[];
  total: number;
  page: number;
  pageCount: number;
  message: string | null;
};
type ActionData = { intent: string; message: string; result: { error?: Record<string, string[]> } };

async function signedInAdmin() {
  const admin = await createUser({ admin: true, name: "Zoe Admin" });
  return { admin, cookie: await sessionCookie(admin.id, { reauthenticated: true }) };
}

async function list(cookie: string, search = "", lang: "en" | "es" = "en") {
  const result = await run(adminUsersLoader, makeRequest(`/${lang}/admin/users${search}`, { cookie }), { lang });
  return { status: result.status, data: result.data as ListData };
}

function act(cookie: string, userId: string, form: Record<string, string>, lang: "en" | "es" = "en") {
  return run(adminUserAction, makeRequest(`/${lang}/admin/users/${userId}`, { cookie, form }), { lang, userId });
}

const rolesOf = (userId: string) =>
  db.membershipRole.findMany({
    where: { membership: { userId } },
    select: { role: true, membership: { select: { orgId: true } } },
    orderBy: { role: "asc" },
  });

const auditOf = (action: string) =>
  db.auditEvent.findMany({ where: { action }, select: { actorId: true, subject: true, data: true } });

const signIn = (email: string, password: string, lang: "en" | "es" = "en") =>
  run(signInAction, makeRequest(`/${lang}/login`, { form: { email, password } }), { lang });

describe("user search", () => {
  it("ignores accents and case, in names and email addresses", async () => {
    const { cookie } = await signedInAdmin();
    const ana = await createUser({ name: "Ana Gómez Núñez", email: "ana.gomez@sat.gob.mx" });
    await createUser({ name: "Bob Smith", email: "bob@fincen.test" });
    for (const query of ["gomez", "GÓMEZ", "nunez ana", "Núñez", "SAT.GOB"]) {
      const { data } = await list(cookie, `?q=${encodeURIComponent(query)}`);
      expect(
        data.users.map((u) => u.id),
        query,
      ).toEqual([ana.id]);
    }
    expect((await list(cookie, "?q=smith%20gomez")).data.users).toEqual([]);
  });

  it("treats LIKE wildcards as plain characters", async () => {
    const { cookie } = await signedInAdmin();
    const ana = await createUser({ name: "Ana Gómez", email: "ana_gomez@example.test" });
    for (const query of ["%", "_", "\\", "%%", "%\\"]) {
      const { status, data } = await list(cookie, `?q=${encodeURIComponent(query)}`);
      expect(status, query).toBe(200);
      expect(data.users, query).toEqual([]);
    }
    expect((await list(cookie, "?q=ana_gomez")).data.users.map((u) => u.id)).toEqual([ana.id]);
  });

  it("shows verification, deactivation, lock-out and roles per organization", async () => {
    const { cookie } = await signedInAdmin();
    const org = await createOrg("law_school");
    const { user } = await createMember("learner", org.id);
    const { grantRole } = await import("~/modules/orgs/index.server.ts");
    await grantRole(null, user.id, org.id, "instructor");
    const unverified = await createUser({ verified: false, name: "Unverified Person" });
    await db.user.update({ where: { id: unverified.id }, data: { deactivatedAt: new Date() }, select: { id: true } });
    for (let i = 0; i < 5; i++) await signIn(unverified.email, "wrong password!!");
    const { data } = await list(cookie);
    const row = data.users.find((u) => u.id === user.id)!;
    expect(row).toMatchObject({ verified: true, deactivatedAt: null, locked: false });
    expect(row.memberships).toEqual([expect.objectContaining({ orgName: org.name, roles: ["instructor", "learner"] })]);
    const other = data.users.find((u) => u.id === unverified.id)!;
    expect(other).toMatchObject({ verified: false, locked: true, memberships: [] });
    expect(other.deactivatedAt).not.toBeNull();
    expect(data.users.find((u) => u.name === "Zoe Admin")?.isPlatformAdmin).toBe(true);
  });

  it("pages 25 at a time, in name order, and clamps a page past the end", async () => {
    const { cookie } = await signedInAdmin();
    for (let i = 0; i < 30; i++) await createUser({ name: `Member ${String(i).padStart(2, "0")}` });
    const first = await list(cookie, "?q=member");
    expect(first.data).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.data.users).toHaveLength(25);
    expect(first.data.users[0]?.name).toBe("Member 00");
    const second = await list(cookie, "?q=member&page=2");
    expect(second.data.users.map((u) => u.name)).toEqual([
      "Member 25",
      "Member 26",
      "Member 27",
      "Member 28",
      "Member 29",
    ]);
    const beyond = await list(cookie, "?q=member&page=9");
    expect(beyond.data.page).toBe(2);
    expect((await list(cookie)).data.total).toBe(31);
  });

  it("answers 400 with a translated message for an over-long query or a bad page number", async () => {
    const { cookie } = await signedInAdmin();
    const long = await list(cookie, `?q=${"a".repeat(101)}`, "es");
    expect(long.status).toBe(400);
    expect(long.data.message).toBe("Use como máximo 100 caracteres para buscar.");
    const page = await list(cookie, "?page=abc");
    expect(page.status).toBe(400);
    expect(page.data.message).toBe("That page number is not valid. Showing the first page.");
    expect(page.data.page).toBe(1);
  });
});

describe("the user page", () => {
  it("shows one user, and 404 for an unknown id", async () => {
    const { cookie } = await signedInAdmin();
    const { user, orgId } = await createMember("supervisor");
    const result = await run(adminUserLoader, makeRequest(`/es/admin/users/${user.id}`, { cookie }), {
      lang: "es",
      userId: user.id,
    });
    expect(result.status).toBe(200);
    const data = result.data as {
      user: { email: string; memberships: { orgId: string; roles: string[] }[] };
      organizations: { id: string }[];
      isSelf: boolean;
    };
    expect(data.user.email).toBe(user.email);
    expect(data.user.memberships).toEqual([expect.objectContaining({ orgId, roles: ["supervisor"] })]);
    expect(data.organizations.map((o) => o.id)).toContain(orgId);
    expect(data.isSelf).toBe(false);
    const missing = await run(adminUserLoader, makeRequest("/es/admin/users/nobody", { cookie }), {
      lang: "es",
      userId: "nobody",
    });
    expect(missing.status).toBe(404);
  });
});

describe("assigning and removing roles", () => {
  it("assigns a role in an organization, audited, and says so after the redirect", async () => {
    const { admin, cookie } = await signedInAdmin();
    const org = await createOrg("mx_agency");
    const person = await createUser();
    const result = await act(cookie, person.id, { intent: "grantRole", orgId: org.id, role: "vetting_officer" }, "es");
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/es/admin/users/${person.id}?done=roleGranted`);
    expect(await rolesOf(person.id)).toEqual([{ role: "vetting_officer", membership: { orgId: org.id } }]);
    const audit = await auditOf("membership.role.granted");
    expect(audit).toEqual([
      {
        actorId: admin.id,
        subject: `user:${person.id}`,
        data: JSON.stringify({ orgId: org.id, role: "vetting_officer" }),
      },
    ]);
    const page = await run(adminUserLoader, makeRequest(result.location!, { cookie }), {
      lang: "es",
      userId: person.id,
    });
    expect((page.data as { notice: string }).notice).toBe("La función quedó asignada.");
    expect((await verifyAuditChain()).brokenAt).toBeNull();
  });

  it("removes a role; the membership goes with its last role", async () => {
    const { admin, cookie } = await signedInAdmin();
    const { user, orgId } = await createMember("learner");
    const { grantRole } = await import("~/modules/orgs/index.server.ts");
    await grantRole(null, user.id, orgId, "supervisor");

    const first = await act(cookie, user.id, { intent: "revokeRole", orgId, role: "learner" });
    expect(first.location).toBe(`/en/admin/users/${user.id}?done=roleRevoked`);
    expect(await rolesOf(user.id)).toEqual([{ role: "supervisor", membership: { orgId } }]);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);

    await act(cookie, user.id, { intent: "revokeRole", orgId, role: "supervisor" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    const audit = await auditOf("membership.role.revoked");
    expect(audit.map((e) => [e.actorId, JSON.parse(e.data).role])).toEqual([
      [admin.id, "learner"],
      [admin.id, "supervisor"],
    ]);
  });

  it.each([
    [
      "an unknown organization",
      (orgId: string) => ({ intent: "grantRole", orgId: `${orgId}x`, role: "learner" }),
      "That organisation does not exist. Choose one from the list.",
    ],
    [
      "an unknown role",
      (orgId: string) => ({ intent: "grantRole", orgId, role: "superuser" }),
      "That role does not exist. Choose one from the list.",
    ],
    ["a missing organization", () => ({ intent: "grantRole", role: "learner" }), "Choose an option."],
    [
      "a role already held",
      (orgId: string) => ({ intent: "grantRole", orgId, role: "learner" }),
      "The person already holds that role in that organisation. Nothing was changed.",
    ],
    [
      "removing a role not held",
      (orgId: string) => ({ intent: "revokeRole", orgId, role: "supervisor" }),
      "The person does not hold that role in that organisation. Nothing was changed.",
    ],
    [
      "an unknown intent",
      () => ({ intent: "promote" }),
      "That action is not available. Reload the page and try again.",
    ],
    ["no intent", () => ({}), "That action is not available. Reload the page and try again."],
  ])("refuses %s with 400 and a translated message, changing nothing", async (_label, form, message) => {
    const { cookie } = await signedInAdmin();
    const { user, orgId } = await createMember("learner");
    const before = {
      roles: await rolesOf(user.id),
      audit: await db.auditEvent.count(),
      memberships: await db.membership.count(),
    };
    const result = await act(cookie, user.id, form(orgId) as Record<string, string>);
    expect(result.status).toBe(400);
    expect((result.data as ActionData).message).toBe(message);
    expect({
      roles: await rolesOf(user.id),
      audit: await db.auditEvent.count(),
      memberships: await db.membership.count(),
    }).toEqual(before);
  });

  it("keys the field error to the field for the form to show", async () => {
    const { cookie } = await signedInAdmin();
    const { user, orgId } = await createMember("learner");
    const result = await act(cookie, user.id, { intent: "grantRole", orgId, role: "superuser" }, "es");
    const data = result.data as ActionData;
    expect(data.intent).toBe("grantRole");
    expect(data.result.error?.role).toEqual(["unknownRole"]);
    expect(data.message).toBe("Esa función no existe. Elija una de la lista.");
    const org = await act(cookie, user.id, { intent: "grantRole", orgId: "no-such-org", role: "learner" });
    expect((org.data as ActionData).result.error?.orgId).toEqual(["unknownOrg"]);
  });

  it("answers 404 for an unknown user and changes nothing", async () => {
    const { cookie } = await signedInAdmin();
    const org = await createOrg();
    const result = await act(cookie, "nobody", { intent: "grantRole", orgId: org.id, role: "learner" });
    expect(result.status).toBe(404);
    expect(await db.membership.count()).toBe(0);
  });
});
