import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { action as signUpAction } from "~/routes/$lang.signup/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { loader as verifyLoader } from "~/routes/$lang.verify-email/route.tsx";
import { action as forgotAction } from "~/routes/$lang.forgot-password/route.tsx";
import { action as resetAction, loader as resetLoader } from "~/routes/$lang.reset-password/route.tsx";
import { action as passwordAction } from "~/routes/$lang.account.password/route.tsx";
import { action as accountAction, loader as accountLoader } from "~/routes/$lang.account._index/route.tsx";
import { loader as confirmLoader } from "~/routes/$lang.confirm-email/route.tsx";
import { createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, lastTokenFor, makeRequest, run, sentMails } from "../helpers/routes.ts";

beforeEach(resetDatabase);

const valid = {
  name: "Ana Gómez",
  email: "ana@example.mx",
  password: "una frase bastante larga",
  language: "es",
  privacy: "on",
};

function fieldErrors(result: { data: unknown }): Record<string, string[]> {
  return ((result.data as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;
}

describe("sign-up", () => {
  it("creates the account and mails a verification link in the chosen language", async () => {
    const result = await run(signUpAction, makeRequest("/en/signup", { form: valid }), { lang: "en" });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/es/verify-email?sent=1");
    // No session: an address that already has an account must get the very same answer.
    expect(cookiesFrom(result)).toBe("");
    const user = await db.user.findUnique({
      where: { email: "ana@example.mx" },
      select: { name: true, language: true, emailVerifiedAt: true },
    });
    expect(user).toEqual({ name: "Ana Gómez", language: "es", emailVerifiedAt: null });
    const [mail] = await sentMails();
    expect(mail?.to).toContain("ana@example.mx");
    expect(mail?.language).toBe("es");
    expect(mail?.subject).toMatch(/Verifique/);
  });

  it.each([
    ["malformed email", { email: "not-an-email" }, "email", "emailInvalid"],
    ["short password", { password: "short" }, "password", "passwordTooShort"],
    ["over-long name", { name: "x".repeat(121) }, "name", "nameTooLong"],
    ["missing name", { name: "" }, "name", "required"],
    ["missing consent", { privacy: "" }, "privacy", "consentRequired"],
    ["unknown language", { language: "fr" }, "language", "languageInvalid"],
  ])("refuses a %s with 400 and writes nothing", async (_label, change, field, key) => {
    const form = Object.fromEntries(Object.entries({ ...valid, ...change }).filter(([, v]) => v !== ""));
    const result = await run(signUpAction, makeRequest("/en/signup", { form }), { lang: "en" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]).toEqual([key]);
    expect(await db.user.count()).toBe(0);
    expect(await sentMails()).toHaveLength(0);
  });

  it("answers a taken address (in any case) exactly like a new one and mails its owner instead", async () => {
    const owner = await createUser({ email: "taken@example.test", language: "es" });
    const before = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
    const taken = await run(
      signUpAction,
      makeRequest("/en/signup", { form: { ...valid, email: "Taken@Example.test" } }),
      { lang: "en" },
    );
    const fresh = await run(signUpAction, makeRequest("/en/signup", { form: valid }), { lang: "en" });
    expect([taken.status, taken.location, cookiesFrom(taken)]).toEqual([
      fresh.status,
      fresh.location,
      cookiesFrom(fresh),
    ]);
    expect(await db.user.count()).toBe(2);
    const after = await db.user.findUniqueOrThrow({
      where: { id: owner.id },
      select: { passwordHash: true, name: true },
    });
    expect(after.passwordHash).toBe(before.passwordHash);
    const toOwner = (await sentMails()).filter((m) => m.to.includes("taken@example.test"));
    expect(toOwner.map((m) => [m.subject, m.language])).toEqual([["Usted ya tiene una cuenta de Puente", "es"]]);
    expect(toOwner[0]!.text).toContain("/es/forgot-password");
  });

  it("reads a body that is not a form as an empty form", async () => {
    const request = new Request("http://localhost:3000/en/signup", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    const result = await run(signUpAction, request, { lang: "en" });
    expect(result.status).toBe(400);
  });
});

describe("email verification", () => {
  async function signUpAndToken() {
    await run(signUpAction, makeRequest("/en/signup", { form: valid }), { lang: "en" });
    return lastTokenFor("ana@example.mx", "verify-email");
  }

  it("verifies once; the same link then counts as invalid", async () => {
    const token = await signUpAndToken();
    const first = await run(verifyLoader, makeRequest(`/es/verify-email?token=${token}`), { lang: "es" });
    expect((first.data as { outcome: string }).outcome).toBe("verified");
    const again = await run(verifyLoader, makeRequest(`/es/verify-email?token=${token}`), { lang: "es" });
    expect(again.status).toBe(400);
    expect((again.data as { outcome: string }).outcome).toBe("invalid");
  });

  it("refuses forged and expired links and changes nothing", async () => {
    const token = await signUpAndToken();
    const forged = await run(verifyLoader, makeRequest(`/es/verify-email?token=${token.slice(0, -2)}xx`), {
      lang: "es",
    });
    expect((forged.data as { outcome: string }).outcome).toBe("invalid");
    await db.emailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await run(verifyLoader, makeRequest(`/es/verify-email?token=${token}`), { lang: "es" });
    expect((expired.data as { outcome: string }).outcome).toBe("invalid");
    const user = await db.user.findUnique({ where: { email: "ana@example.mx" }, select: { emailVerifiedAt: true } });
    expect(user?.emailVerifiedAt).toBeNull();
  });
});

describe("sign-in and lock-out", () => {
  const signInForm = (email: string, password: string) => makeRequest("/en/login", { form: { email, password } });

  it("signs in with the right password and refuses a wrong one", async () => {
    const user = await createUser();
    const wrong = await run(signInAction, signInForm(user.email, "wrong password!!"), { lang: "en" });
    expect(wrong.status).toBe(400);
    expect((wrong.data as { message: string }).message).toBe("The email address or password is not correct.");
    const right = await run(signInAction, signInForm(user.email, TEST_PASSWORD), { lang: "en" });
    expect(right.status).toBe(302);
    expect(cookiesFrom(right)).toMatch(/^puente_session=/);
  });

  it("after 5 failures from one IP refuses that IP, even the right password, until cleared", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await run(signInAction, signInForm(user.email, "wrong password!!"), { lang: "en" });
    const locked = await run(signInAction, signInForm(user.email, TEST_PASSWORD), { lang: "es" });
    expect(locked.status).toBe(429);
    expect((locked.data as { message: string }).message).toMatch(/Demasiados intentos fallidos desde aquí/);
    const { clearAccountLockout } = await import("~/modules/auth/index.server.ts");
    expect(await clearAccountLockout(user.email)).toBe(5);
    const after = await run(signInAction, signInForm(user.email, TEST_PASSWORD), { lang: "en" });
    expect(after.status).toBe(302);
  });

  it("limits one IP across many accounts", async () => {
    for (let i = 0; i < 30; i++)
      await run(signInAction, signInForm(`nobody${i}@example.test`, "wrong password!!"), { lang: "en" });
    const user = await createUser();
    const blocked = await run(signInAction, signInForm(user.email, TEST_PASSWORD), { lang: "en" });
    expect(blocked.status).toBe(429);
    const otherIp = await run(
      signInAction,
      signInForm(user.email, TEST_PASSWORD),
      { lang: "en" },
      { clientIp: "198.51.100.1" },
    );
    expect(otherIp.status).toBe(302);
  });

  it("treats a tampered session cookie as signed out", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const tampered = `${cookie.slice(0, -3)}abc`;
    const result = await run(accountLoader, makeRequest("/en/account", { cookie: tampered }), { lang: "en" });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/en\/login\?redirectTo=/);
  });
});

describe("password reset", () => {
  it("answers the same for unknown and known addresses, mailing only the known one", async () => {
    const user = await createUser({ language: "es" });
    const unknown = await run(
      forgotAction,
      makeRequest("/en/forgot-password", { form: { email: "nobody@example.test" } }),
      { lang: "en" },
    );
    const known = await run(forgotAction, makeRequest("/en/forgot-password", { form: { email: user.email } }), {
      lang: "en",
    });
    expect(unknown.status).toBe(known.status);
    expect((unknown.data as { sent: boolean }).sent).toBe(true);
    expect((known.data as { sent: boolean }).sent).toBe(true);
    expect((await sentMails()).map((m) => m.to)).toEqual([expect.stringContaining(user.email)]);
    expect((await sentMails())[0]?.subject).toMatch(/Restablezca/);
  });

  it("sets the new password, ends every session, and works only once", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    await run(forgotAction, makeRequest("/en/forgot-password", { form: { email: user.email } }), { lang: "en" });
    const token = await lastTokenFor(user.email, "reset-password");
    expect((await run(resetLoader, makeRequest(`/en/reset-password?token=${token}`), { lang: "en" })).status).toBe(200);
    const done = await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token, password: "a brand new long password" } }),
      { lang: "en" },
    );
    // The link signs the person in with a new session; every earlier one is gone.
    expect(done.location).toBe("/en/account?reset=1");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const fresh = await run(accountLoader, makeRequest("/en/account?reset=1", { cookie: cookiesFrom(done) }), {
      lang: "en",
    });
    expect((fresh.data as { notice: string }).notice).toBe("reset.done");
    const stale = await run(accountLoader, makeRequest("/en/account", { cookie }), { lang: "en" });
    expect(stale.status).toBe(302);
    const reuse = await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token, password: "yet another long password" } }),
      { lang: "en" },
    );
    expect(reuse.status).toBe(400);
    expect((reuse.data as { invalid: boolean }).invalid).toBe(true);
  });
});

describe("account", () => {
  it("changing the password ends the other sessions and keeps this one", async () => {
    const user = await createUser();
    const other = await sessionCookie(user.id);
    const mine = await sessionCookie(user.id);
    const wrong = await run(
      passwordAction,
      makeRequest("/en/account/password", {
        cookie: mine,
        form: { currentPassword: "nope nope nope", newPassword: "another long password" },
      }),
      { lang: "en" },
    );
    expect(wrong.status).toBe(400);
    const ok = await run(
      passwordAction,
      makeRequest("/en/account/password", {
        cookie: mine,
        form: { currentPassword: TEST_PASSWORD, newPassword: "another long password" },
      }),
      { lang: "en" },
    );
    expect(ok.status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await run(accountLoader, makeRequest("/en/account", { cookie: other }), { lang: "en" })).status).toBe(302);
    expect(
      (await run(accountLoader, makeRequest("/en/account", { cookie: cookiesFrom(ok) }), { lang: "en" })).status,
    ).toBe(200);
  });

  it("changes the email only after the new address confirms it", async () => {
    const user = await createUser({ language: "es" });
    const cookie = await sessionCookie(user.id);
    const form = {
      name: "Nuevo Nombre",
      email: "new@example.test",
      language: "es",
      timeZone: "America/Tijuana",
      currentPassword: TEST_PASSWORD,
    };
    const result = await run(accountAction, makeRequest("/es/account", { cookie, form }), { lang: "es" });
    expect((result.data as { emailSentTo: string }).emailSentTo).toBe("new@example.test");
    expect(await db.user.findUnique({ where: { id: user.id }, select: { email: true, name: true } })).toEqual({
      email: user.email,
      name: "Nuevo Nombre",
    });
    const token = await lastTokenFor("new@example.test", "confirm-email");
    const confirmed = await run(confirmLoader, makeRequest(`/es/confirm-email?token=${token}`), { lang: "es" });
    expect((confirmed.data as { ok: boolean }).ok).toBe(true);
    expect((await db.user.findUnique({ where: { id: user.id }, select: { email: true } }))?.email).toBe(
      "new@example.test",
    );
  });

  it("refuses an invalid time zone with a field error", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const form = { name: "X", email: user.email, language: "en", timeZone: "Mars/Olympus" };
    const result = await run(accountAction, makeRequest("/en/account", { cookie, form }), { lang: "en" });
    expect(result.status).toBe(400);
    expect((result.data as { result: { error: Record<string, string[]> } }).result.error.timeZone).toEqual([
      "timeZoneInvalid",
    ]);
  });
});

describe("sessions", () => {
  it("set secure-by-default cookie attributes", async () => {
    const user = await createUser();
    const { startSession } = await import("~/modules/auth/index.server.ts");
    const cookie = await startSession(user.id);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });
});
