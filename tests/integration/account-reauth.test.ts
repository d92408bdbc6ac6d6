// Issue 18 (re-authentication, "sign out my other sessions") and issue 15's leftovers (new
// recovery codes, an admin resetting a lost authenticator), driven through the pages' loaders
// and actions. Codes depend on the clock, so Date is faked.
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "~/modules/audit/index.server.ts";
import {
  enrolKnownSecret,
  getSessionState,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as accountAction, loader as accountLoader } from "~/routes/$lang.account._index/route.tsx";
import { loader as passwordLoader } from "~/routes/$lang.account.password/route.tsx";
import { action as codesAction, loader as codesLoader } from "~/routes/$lang.account.recovery-codes/route.tsx";
import { action as adminUserAction } from "~/routes/$lang.admin.users.$userId/route.tsx";
import { action as orgMembersAction } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { action as confirmAction, loader as confirmLoader } from "~/routes/$lang.confirm-access/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { createMember, createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, makeRequest, run, sentMails } from "../helpers/routes.ts";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const START = new Date("2026-12-05T12:00:05Z").getTime();
const code = () => new TOTP({ secret: Secret.fromBase32(SECRET) }).generate({ timestamp: Date.now() });
const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

async function enrolled(role: "supervisor" | "admin" = "supervisor", language: "en" | "es" = "en") {
  const user = role === "admin" ? await createUser({ admin: true, language }) : (await createMember("supervisor")).user;
  if (language === "es") await db.user.update({ where: { id: user.id }, data: { language } });
  await enrolKnownSecret(user.id, SECRET);
  return { user, cookie: await sessionCookie(user.id) };
}

const confirm = (cookie: string, form: Record<string, string>, redirectTo = "/en/account/password") =>
  run(confirmAction, makeRequest(`/en/confirm-access?${new URLSearchParams({ redirectTo })}`, { cookie, form }), {
    lang: "en",
  });

describe("re-authentication", () => {
  it("sends an account with an authenticator to confirm access, refuses a wrong password or a missing code, then opens the change for 5 minutes", async () => {
    const { user, cookie } = await enrolled();
    const first = await run(passwordLoader, makeRequest("/en/account/password", { cookie }), { lang: "en" });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/en/confirm-access?redirectTo=%2Fen%2Faccount%2Fpassword");
    const page = await run(confirmLoader, makeRequest(first.location!, { cookie }), { lang: "en" });
    expect(page.data).toMatchObject({ needsCode: true, redirectTo: "/en/account/password" });

    const wrong = await confirm(cookie, { password: "not the password", kind: "totp", code: code() });
    expect(wrong.status).toBe(400);
    const noCode = await confirm(cookie, { password: TEST_PASSWORD, kind: "totp" });
    expect(noCode.status).toBe(400);
    expect(await db.session.count({ where: { userId: user.id, reauthAt: { not: null } } })).toBe(0);
    expect(await db.securityEvent.count({ where: { actorId: user.id, kind: "auth.reauth.refused" } })).toBe(1);

    const right = await confirm(cookie, { password: TEST_PASSWORD, kind: "totp", code: code() });
    expect(right.status).toBe(302);
    expect(right.location).toBe("/en/account/password");
    expect((await run(passwordLoader, makeRequest("/en/account/password", { cookie }), { lang: "en" })).status).toBe(
      200,
    );

    later(5 * 60);
    expect((await run(passwordLoader, makeRequest("/en/account/password", { cookie }), { lang: "en" })).status).toBe(
      302,
    );
  });

  it("asks an account without an authenticator for its password only, and its password form counts as re-authentication", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    expect((await run(passwordLoader, makeRequest("/en/account/password", { cookie }), { lang: "en" })).status).toBe(
      200,
    );
    const page = await run(confirmLoader, makeRequest("/en/confirm-access?redirectTo=%2Fen%2Faccount", { cookie }), {
      lang: "en",
    });
    expect(page.data).toMatchObject({ needsCode: false });
    expect((await confirm(cookie, { password: TEST_PASSWORD }, "/en/account")).location).toBe("/en/account");
  });

  it("an email change by an account with an authenticator waits for re-authentication; nothing changes before", async () => {
    const { user, cookie } = await enrolled();
    const form = {
      name: user.name,
      email: "new@example.test",
      language: "en",
      timeZone: "UTC",
      currentPassword: TEST_PASSWORD,
    };
    const refused = await run(accountAction, makeRequest("/en/account", { cookie, form }), { lang: "en" });
    expect(refused.location).toBe("/en/confirm-access?redirectTo=%2Fen%2Faccount%3Freauth%3Demail");
    expect(await db.emailToken.count({ where: { userId: user.id } })).toBe(0);
    await confirm(cookie, { password: TEST_PASSWORD, kind: "totp", code: code() }, "/en/account");
    const done = await run(accountAction, makeRequest("/en/account", { cookie, form }), { lang: "en" });
    expect(done.data).toMatchObject({ emailSentTo: "new@example.test" });
  });

  it("a pending (password-only) session cannot re-authenticate: it is sent to give its second factor", async () => {
    const { user } = await enrolled();
    const cookie = await sessionCookie(user.id, { passwordOnly: true });
    const result = await confirm(cookie, { password: TEST_PASSWORD, kind: "totp", code: code() });
    expect(result.location).toMatch(/^\/en\/second-factor\?/);
  });
});

describe("sign out my other sessions", () => {
  it("ends every other session of the account and keeps this one", async () => {
    const user = await createUser();
    const other = await createUser();
    const [mine, second, third, theirs] = [
      await sessionCookie(user.id),
      await sessionCookie(user.id),
      await sessionCookie(user.id),
      await sessionCookie(other.id),
    ];
    const page = await run(accountLoader, makeRequest("/en/account", { cookie: mine }), { lang: "en" });
    expect(page.data).toMatchObject({ security: { otherSessions: 2, idleMinutes: 30, absoluteHours: 12 } });
    const result = await run(
      accountAction,
      makeRequest("/en/account", { cookie: mine, form: { intent: "signOutOthers" } }),
      { lang: "en" },
    );
    expect(result.location).toBe("/en/account?signedOut=2");
    for (const [cookie, signedIn] of [
      [mine, true],
      [second, false],
      [third, false],
      [theirs, true],
    ] as const) {
      expect((await getSessionState(makeRequest("/en", { cookie }))).user !== null).toBe(signedIn);
    }
  });
});

describe("new recovery codes", () => {
  it("after re-authentication: ten new codes shown once, the old ones stop working, audited", async () => {
    const { user, cookie } = await enrolled();
    const old = (await regenerateRecoveryCodes(user.id))!;
    const gated = await run(codesAction, makeRequest("/en/account/recovery-codes", { cookie, form: {} }), {
      lang: "en",
    });
    expect(gated.location).toMatch(/^\/en\/confirm-access/);
    await confirm(cookie, { password: TEST_PASSWORD, kind: "totp", code: code() }, "/en/account/recovery-codes");
    expect(
      (await run(codesLoader, makeRequest("/en/account/recovery-codes", { cookie }), { lang: "en" })).data,
    ).toMatchObject({
      enrolled: true,
    });
    const result = await run(codesAction, makeRequest("/en/account/recovery-codes", { cookie, form: {} }), {
      lang: "en",
    });
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    const fresh = (result.data as { codes: string[] }).codes;
    expect(fresh).toHaveLength(10);
    expect(await verifySecondFactor(user.id, { kind: "recovery", code: old[0]! }, "1.1.1.1")).toMatchObject({
      ok: false,
    });
    expect(await verifySecondFactor(user.id, { kind: "recovery", code: fresh[0]! }, "1.1.1.1")).toMatchObject({
      ok: true,
      recoveryCodesLeft: 9,
    });
    const audited = await db.auditEvent.count({
      where: { action: "auth.recovery-codes.regenerate", subject: `user:${user.id}` },
    });
    expect(audited).toBe(2);
    expect((await verifyAuditChain()).brokenAt).toBeNull();
  });
});

describe("an admin resets a lost authenticator", () => {
  const reset = (cookie: string, userId: string, reason = "lostDevice") =>
    run(
      adminUserAction,
      makeRequest(`/en/admin/users/${userId}`, { cookie, form: { intent: "resetSecondFactor", reason } }),
      { lang: "en", userId },
    );

  it("after the admin's own re-authentication: authenticator and codes gone, sessions ended, audited, the person told in their language, enrolment at next sign-in", async () => {
    const admin = await enrolled("admin");
    const { user: person } = await createMember("supervisor");
    await db.user.update({ where: { id: person.id }, data: { language: "es" } });
    await enrolKnownSecret(person.id, SECRET);
    await regenerateRecoveryCodes(person.id);
    const personCookie = await sessionCookie(person.id);

    const gated = await reset(admin.cookie, person.id);
    expect(gated.location).toBe(`/en/confirm-access?redirectTo=%2Fen%2Fadmin%2Fusers%2F${person.id}`);
    expect(await db.secondFactor.count({ where: { userId: person.id } })).toBe(1);
    await confirm(
      admin.cookie,
      { password: TEST_PASSWORD, kind: "totp", code: code() },
      `/en/admin/users/${person.id}`,
    );

    const missingReason = await reset(admin.cookie, person.id, "because");
    expect(missingReason.status).toBe(400);
    expect(await db.secondFactor.count({ where: { userId: person.id } })).toBe(1);

    const done = await reset(admin.cookie, person.id);
    expect(done.location).toBe(`/en/admin/users/${person.id}?done=secondFactorReset`);
    expect(await db.secondFactor.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: person.id } })).toBe(0);
    expect((await getSessionState(makeRequest("/es", { cookie: personCookie }))).user).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.second-factor.reset" },
      select: { actorId: true, subject: true, data: true },
    });
    expect(event).toEqual({ actorId: admin.user.id, subject: `user:${person.id}`, data: '{"reason":"lostDevice"}' });
    expect((await verifyAuditChain()).brokenAt).toBeNull();
    const mail = (await sentMails()).find((m) => m.to.includes(person.email))!;
    expect(mail.subject).toBe("Se restableció la autenticación de su cuenta de Puente");

    const signIn = await run(
      signInAction,
      makeRequest("/es/login", { form: { email: person.email, password: TEST_PASSWORD, redirectTo: "" } }),
      { lang: "es" },
    );
    expect(signIn.location).toMatch(/^\/es\/second-factor\/enrol/);
    expect(cookiesFrom(signIn)).toMatch(/^puente_session=/);
  });

  it("is refused on the admin's own account and to anyone not a platform admin; nothing changes", async () => {
    const admin = await enrolled("admin");
    await confirm(admin.cookie, { password: TEST_PASSWORD, kind: "totp", code: code() }, "/en/account");
    const self = await reset(admin.cookie, admin.user.id);
    expect(self.status).toBe(400);
    expect(await db.secondFactor.count({ where: { userId: admin.user.id } })).toBe(1);
    expect(await db.securityEvent.count({ where: { kind: "auth.second-factor.reset.refused" } })).toBe(1);

    const { user: person } = await createMember("supervisor");
    await enrolKnownSecret(person.id, SECRET);
    const { user: orgAdmin } = await createMember("org_admin");
    await enrolKnownSecret(orgAdmin.id, SECRET);
    const orgAdminCookie = await sessionCookie(orgAdmin.id);
    later(30);
    await confirm(orgAdminCookie, { password: TEST_PASSWORD, kind: "totp", code: code() }, "/en/account");
    expect((await reset(orgAdminCookie, person.id)).status).toBe(403);
    expect(await db.secondFactor.count({ where: { userId: person.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.second-factor.reset" } })).toBe(0);
  });
});

describe("role and membership changes wait for re-authentication", () => {
  const rolesOf = async (userId: string) =>
    (await db.membershipRole.findMany({ where: { membership: { userId } }, select: { role: true } })).map(
      (r) => r.role,
    );

  it("an admin's role grant and deactivation: sent to confirm access, nothing written; then they go through", async () => {
    const admin = await enrolled("admin");
    const { user: person, orgId } = await createMember("learner");
    const post = (form: Record<string, string>) =>
      run(adminUserAction, makeRequest(`/en/admin/users/${person.id}`, { cookie: admin.cookie, form }), {
        lang: "en",
        userId: person.id,
      });
    const before = await db.auditEvent.count();

    for (const form of [{ intent: "grantRole", orgId, role: "supervisor" }, { intent: "deactivate" }] as Record<
      string,
      string
    >[]) {
      const gated = await post(form);
      expect(gated.location).toBe(`/en/confirm-access?redirectTo=%2Fen%2Fadmin%2Fusers%2F${person.id}`);
    }
    expect(await rolesOf(person.id)).toEqual(["learner"]);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { deactivatedAt: true } })).deactivatedAt,
    ).toBeNull();
    expect(await db.auditEvent.count()).toBe(before);

    await confirm(
      admin.cookie,
      { password: TEST_PASSWORD, kind: "totp", code: code() },
      `/en/admin/users/${person.id}`,
    );
    expect((await post({ intent: "grantRole", orgId, role: "supervisor" })).location).toBe(
      `/en/admin/users/${person.id}?done=roleGranted`,
    );
    expect((await rolesOf(person.id)).sort()).toEqual(["learner", "supervisor"]);

    later(5 * 60 + 1);
    expect((await post({ intent: "deactivate" })).location).toMatch(/^\/en\/confirm-access\?/);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { deactivatedAt: true } })).deactivatedAt,
    ).toBeNull();
  });

  it("an org admin's role change and ending a membership wait too; resending an invitation does not", async () => {
    const { user: orgAdmin, orgId } = await createMember("org_admin");
    await enrolKnownSecret(orgAdmin.id, SECRET);
    const cookie = await sessionCookie(orgAdmin.id);
    const { user: person } = await createMember("learner", orgId);
    const post = (form: Record<string, string>) =>
      run(orgMembersAction, makeRequest(`/es/orgs/${orgId}/members?index&q=a`, { cookie, form }), {
        lang: "es",
        orgId,
      });

    for (const form of [
      { intent: "grantRole", userId: person.id, role: "instructor" },
      { intent: "endMembership", userId: person.id },
    ] as Record<string, string>[]) {
      expect((await post(form)).location).toBe(
        `/es/confirm-access?redirectTo=%2Fes%2Forgs%2F${orgId}%2Fmembers%3Fq%3Da`,
      );
    }
    expect(await rolesOf(person.id)).toEqual(["learner"]);
    // Not gated: a refusal of bad input still answers in place (400), and needs no confirmation.
    expect((await post({ intent: "resendInvitation", invitationId: "" })).status).toBe(400);

    await confirm(cookie, { password: TEST_PASSWORD, kind: "totp", code: code() }, `/es/orgs/${orgId}/members`);
    expect((await post({ intent: "grantRole", userId: person.id, role: "instructor" })).location).toBe(
      `/es/orgs/${orgId}/members?q=a&done=roleGranted`,
    );
    expect((await rolesOf(person.id)).sort()).toEqual(["instructor", "learner"]);
  });
});
