// The raw-SQL hot path behind every signed-in request (session + user in one statement, the
// memberships in one) gives what the Prisma queries gave, on SQLite and PostgreSQL; and what
// the loaders of one page request share is looked up once, while a POST's loaders see what
// its action changed.
import { beforeEach, describe, expect, it } from "vitest";
import { getMemberships, getSessionState, runInRequestScope } from "~/modules/auth/index.server.ts";
import type { Role } from "~/modules/auth/index.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const grantRoleForTest = (userId: string, orgId: string, role: Role) => grantRole(null, userId, orgId, role);

const requestWith = (cookie: string, method = "GET") =>
  new Request("http://localhost/en/courses", { method, headers: { Cookie: cookie } });

describe("session and user in one statement", () => {
  it("returns the user's fields with their types, and no cookie for a session in its first half", async () => {
    const user = await createUser({ language: "es", admin: true });
    const state = await getSessionState(requestWith(await sessionCookie(user.id)));
    expect(state.user).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      language: "es",
      timeZone: "America/Mexico_City",
      isPlatformAdmin: true,
      emailVerified: true,
    });
    expect(state.setCookie).toBeNull();
  });

  it("an unverified, non-admin person reads as such", async () => {
    const user = await createUser({ verified: false });
    const state = await getSessionState(requestWith(await sessionCookie(user.id)));
    expect(state.user).toMatchObject({ isPlatformAdmin: false, emailVerified: false, language: "en" });
  });

  it("records activity at most once a minute, and refuses and deletes an idle session", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const id = cookie.split("=")[1]!;
    const lastSeen = () => db.session.findUnique({ where: { id }, select: { lastSeenAt: true } });
    const recent = new Date(Date.now() - 30_000);
    await db.session.update({ where: { id }, data: { lastSeenAt: recent } });
    expect((await getSessionState(requestWith(cookie))).setCookie).toBeNull();
    expect((await lastSeen())!.lastSeenAt).toEqual(recent);
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    expect((await getSessionState(requestWith(cookie))).user?.id).toBe(user.id);
    expect((await lastSeen())!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5_000);

    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const expired = await getSessionState(requestWith(cookie));
    expect(expired.user).toBeNull();
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("a deactivated person's session ends", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect((await getSessionState(requestWith(cookie))).user).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("memberships in one statement", () => {
  it("lists every organization by name with all its roles, and none for a person without", async () => {
    const user = await createUser();
    const [a, b] = [await createOrg(), await createOrg("mx_agency")];
    await db.organization.update({ where: { id: a.id }, data: { name: "Zeta agency" } });
    await db.organization.update({ where: { id: b.id }, data: { name: "Alfa agencia" } });
    await grantRoleForTest(user.id, a.id, "supervisor");
    await grantRoleForTest(user.id, a.id, "org_admin");
    await grantRoleForTest(user.id, b.id, "learner");
    const memberships = await getMemberships(requestWith(""), user.id);
    expect(memberships).toEqual([
      { orgId: b.id, orgName: "Alfa agencia", orgSlug: expect.any(String), orgKind: "mx_agency", roles: ["learner"] },
      {
        orgId: a.id,
        orgName: "Zeta agency",
        orgSlug: expect.any(String),
        orgKind: "us_agency",
        roles: ["org_admin", "supervisor"],
      },
    ]);
    const nobody = await createUser();
    expect(await getMemberships(requestWith(""), nobody.id)).toEqual([]);
  });
});

describe("once per request", () => {
  it("the loaders of one GET share one lookup, though each has its own Request", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    await runInRequestScope("GET", async () => {
      const first = getSessionState(requestWith(cookie));
      const second = getSessionState(requestWith(cookie));
      expect(second).toBe(first);
      expect((await first).user?.id).toBe(user.id);
    });
  });

  it("separate requests and a POST's loaders look it up again", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const inOne = await runInRequestScope("GET", () => getSessionState(requestWith(cookie)));
    const inAnother = await runInRequestScope("GET", () => getSessionState(requestWith(cookie)));
    expect(inAnother).not.toBe(inOne);
    await runInRequestScope("POST", async () => {
      const before = getSessionState(requestWith(cookie, "POST"));
      expect((await before).user?.id).toBe(user.id);
      await db.session.deleteMany({ where: { userId: user.id } });
      expect((await getSessionState(requestWith(cookie, "POST"))).user).toBeNull();
    });
  });
});
