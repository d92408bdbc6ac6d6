// Issue 8 items 7, 9 and 10: email change and password notices, sign-in limits that a
// stranger cannot turn into a lock-out, and limits on the mail a visitor can make us send.
import { beforeEach, describe, expect, it } from "vitest";
import { signIn } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as accountAction, loader as accountLoader } from "~/routes/$lang.account._index/route.tsx";
import { action as passwordAction } from "~/routes/$lang.account.password/route.tsx";
import { loader as confirmLoader } from "~/routes/$lang.confirm-email/route.tsx";
import { action as forgotAction } from "~/routes/$lang.forgot-password/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { action as resetAction, loader as resetLoader } from "~/routes/$lang.reset-password/route.tsx";
import { action as signUpAction } from "~/routes/$lang.signup/route.tsx";
import { action as verifyAction } from "~/routes/$lang.verify-email/route.tsx";
import { createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, lastTokenFor, makeRequest, run, sentMails } from "../helpers/routes.ts";

beforeEach(resetDatabase);

const at = (ip: string) => ({ clientIp: ip, requestId: "test" });
const mailsTo = async (address: string) => (await sentMails()).filter((m) => m.to.includes(address));

function profileForm(email: string, extra: Record<string, string> = {}) {
  return { name: "Ana Gómez", email, language: "es", timeZone: "America/Mexico_City", ...extra };
}

describe("email change", () => {
  it("needs the current password; without it or with a wrong one nothing changes and nothing is sent", async () => {
    const user = await createUser({ language: "es", name: "Ana Gómez" });
    const cookie = await sessionCookie(user.id);
    for (const [extra, key] of [
      [{}, "currentPasswordRequired"],
      [{ currentPassword: "not the password at all" }, "currentPasswordWrong"],
    ] as const) {
      const form = profileForm("thief@example.test", { ...extra, name: "Changed Name" });
      const result = await run(accountAction, makeRequest("/es/account", { cookie, form }), { lang: "es" });
      expect(result.status).toBe(400);
      expect((result.data as { result: { error: Record<string, string[]> } }).result.error.currentPassword).toEqual([
        key,
      ]);
    }
    expect(await db.user.findUnique({ where: { id: user.id }, select: { email: true, name: true } })).toEqual({
      email: user.email,
      name: "Ana Gómez",
    });
    expect(await sentMails()).toEqual([]);
  });

  it("tells the old address, whose link restores it, ends every session and asks for a new password", async () => {
    const user = await createUser({ language: "es", name: "Ana Gómez" });
    const cookie = await sessionCookie(user.id);
    const form = profileForm("new@example.test", { currentPassword: TEST_PASSWORD });
    const asked = await run(accountAction, makeRequest("/es/account", { cookie, form }), { lang: "es" });
    expect((asked.data as { emailSentTo: string }).emailSentTo).toBe("new@example.test");
    const confirm = await lastTokenFor("new@example.test", "confirm-email");
    expect(
      (
        (await run(confirmLoader, makeRequest(`/es/confirm-email?token=${confirm}`), { lang: "es" })).data as {
          ok: boolean;
        }
      ).ok,
    ).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email).toBe(
      "new@example.test",
    );

    const [notice] = await mailsTo(user.email);
    expect(notice?.subject).toBe("Cambió el correo electrónico de su cuenta de Puente");
    expect(notice?.language).toBe("es");
    expect(notice?.text).toContain("new@example.test");
    const undo = await lastTokenFor(user.email, "undo-email-change");
    const { action: undoAction, loader: undoLoader } = await import("~/routes/$lang.undo-email-change/route.tsx");

    // Opening the link changes nothing by itself (mail scanners follow links).
    const page = await run(undoLoader, makeRequest(`/es/undo-email-change?token=${undo}`), { lang: "es" });
    expect(page.status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const done = await run(undoAction, makeRequest("/es/undo-email-change", { form: { token: undo } }), { lang: "es" });
    expect(done.status).toBe(302);
    const reset = /\/es\/reset-password\?token=([A-Za-z0-9_-]+)$/.exec(done.location ?? "")?.[1];
    expect(reset).toBeTruthy();
    const restored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
    expect(restored.email).toBe(user.email);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user.email, TEST_PASSWORD, "192.0.2.10")).ok).toBe(false);

    const chosen = await run(
      resetAction,
      makeRequest("/es/reset-password", { form: { token: reset!, password: "a completely new phrase" } }),
      { lang: "es" },
    );
    expect(chosen.location).toBe("/es/account?reset=1");
    expect((await signIn(user.email, "a completely new phrase", "192.0.2.10")).ok).toBe(true);
    // The undo link works once.
    const again = await run(undoAction, makeRequest("/es/undo-email-change", { form: { token: undo } }), {
      lang: "es",
    });
    expect(again.status).toBe(400);
  });

  it("answers the same for an address another account uses, and mails nobody", async () => {
    await createUser({ email: "someone@example.test" });
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const form = profileForm("someone@example.test", { currentPassword: TEST_PASSWORD });
    const result = await run(accountAction, makeRequest("/es/account", { cookie, form }), { lang: "es" });
    expect(result.status).toBe(200);
    expect((result.data as { emailSentTo: string }).emailSentTo).toBe("someone@example.test");
    expect(await sentMails()).toEqual([]);
  });
});

describe("password notices and reset links", () => {
  it("a password change is announced to the account's address in its language", async () => {
    const user = await createUser({ language: "es" });
    const cookie = await sessionCookie(user.id);
    const form = { currentPassword: TEST_PASSWORD, newPassword: "another long password" };
    const result = await run(passwordAction, makeRequest("/es/account/password", { cookie, form }), { lang: "es" });
    expect(result.status).toBe(302);
    const mails = await mailsTo(user.email);
    expect(mails.map((m) => [m.subject, m.language])).toEqual([["Cambió la contraseña de su cuenta de Puente", "es"]]);
    expect(mails[0]!.text).toContain("/es/forgot-password");
  });

  it("a newer reset link retires the older ones, and the reset itself is announced", async () => {
    const user = await createUser();
    const ask = () =>
      run(forgotAction, makeRequest("/en/forgot-password", { form: { email: user.email } }), { lang: "en" });
    await ask();
    const first = await lastTokenFor(user.email, "reset-password");
    await ask();
    const second = await lastTokenFor(user.email, "reset-password");
    expect(second).not.toBe(first);
    expect((await run(resetLoader, makeRequest(`/en/reset-password?token=${first}`), { lang: "en" })).status).toBe(400);
    expect((await run(resetLoader, makeRequest(`/en/reset-password?token=${second}`), { lang: "en" })).status).toBe(
      200,
    );
    const refused = await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token: first, password: "a stale link's password" } }),
      { lang: "en" },
    );
    expect(refused.status).toBe(400);

    await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token: second, password: "the chosen new one" } }),
      {
        lang: "en",
      },
    );
    expect((await mailsTo(user.email)).map((m) => m.subject)).toContain("Your Puente password was reset");
    expect(await db.emailToken.count({ where: { userId: user.id, purpose: "reset-password", usedAt: null } })).toBe(0);
  });

  it("using a reset link retires every other one still open", async () => {
    const user = await createUser();
    const { issueToken } = await import("~/modules/auth/index.server.ts");
    // Two links open at once can only come from before this change; using one closes both.
    const older = await issueToken(user.id, "reset-password", user.email);
    await db.emailToken.create({
      data: {
        userId: user.id,
        purpose: "reset-password",
        email: user.email,
        tokenHash: "legacy-open-link",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token: older, password: "the chosen new one" } }),
      {
        lang: "en",
      },
    );
    expect(await db.emailToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });
});

describe("sign-in limits", () => {
  const attempt = (email: string, password: string, ip: string, lang: "en" | "es" = "en") =>
    run(signInAction, makeRequest(`/${lang}/login`, { form: { email, password } }), { lang }, at(ip));

  it("a stranger's failures from one place do not stop the owner signing in from another", async () => {
    const owner = await createUser();
    for (let i = 0; i < 8; i++) await attempt(owner.email, "wrong password!!", "198.51.100.66");
    expect((await attempt(owner.email, TEST_PASSWORD, "198.51.100.66")).status).toBe(429);
    const fromHome = await attempt(owner.email, TEST_PASSWORD, "192.0.2.44");
    expect(fromHome.status).toBe(302);
    expect(cookiesFrom(fromHome)).toMatch(/^puente_session=/);
  });

  it("tells the owner once per window about repeated failures, in their language", async () => {
    const owner = await createUser({ language: "es" });
    for (let i = 0; i < 4; i++) await attempt(owner.email, "wrong password!!", "198.51.100.1");
    expect(await mailsTo(owner.email)).toEqual([]);
    await attempt(owner.email, "wrong password!!", "198.51.100.1");
    for (let i = 0; i < 5; i++) await attempt(owner.email, "wrong password!!", "198.51.100.2");
    const mails = await mailsTo(owner.email);
    expect(mails.map((m) => [m.subject, m.language])).toEqual([
      ["Intentos fallidos de inicio de sesión en su cuenta de Puente", "es"],
    ]);
    expect(mails[0]!.text).toContain("5 intentos fallidos");
  });

  it("past the account-wide limit pauses password sign-in, and a reset link still lets the owner in", async () => {
    const owner = await createUser();
    // 50 failures spread over ten places, five each: no single place is over its own limit.
    for (let place = 0; place < 10; place++) {
      for (let i = 0; i < 5; i++) await signIn(owner.email, "wrong password!!", `203.0.113.${100 + place}`);
    }
    const paused = await attempt(owner.email, TEST_PASSWORD, "192.0.2.99", "es");
    expect(paused.status).toBe(429);
    expect((paused.data as { message: string }).message).toMatch(/en pausa durante (59|60) minutos/);
    // The same answer for an address without an account past the same number of failures.
    for (let place = 0; place < 10; place++) {
      for (let i = 0; i < 5; i++) await signIn("nobody@example.test", "wrong password!!", `203.0.113.${100 + place}`);
    }
    const ghost = await attempt("nobody@example.test", "whatever it is", "192.0.2.99", "es");
    expect(ghost.status).toBe(429);
    expect((ghost.data as { message: string }).message).toBe((paused.data as { message: string }).message);

    await run(forgotAction, makeRequest("/en/forgot-password", { form: { email: owner.email } }), { lang: "en" });
    const token = await lastTokenFor(owner.email, "reset-password");
    const done = await run(
      resetAction,
      makeRequest("/en/reset-password", { form: { token, password: "a fresh long password" } }),
      { lang: "en" },
    );
    const inside = await run(accountLoader, makeRequest("/en/account", { cookie: cookiesFrom(done) }), { lang: "en" });
    expect(inside.status).toBe(200);
  }, 60_000);
});

describe("limits on mail a visitor can cause", () => {
  it("forgot-password stops mailing one address after 5 an hour without changing its answer", async () => {
    const user = await createUser();
    const answers = [];
    for (let i = 0; i < 8; i++) {
      const ip = `198.51.100.${i}`;
      const known = await run(
        forgotAction,
        makeRequest("/en/forgot-password", { form: { email: user.email } }),
        { lang: "en" },
        at(ip),
      );
      const unknown = await run(
        forgotAction,
        makeRequest("/en/forgot-password", { form: { email: "nobody@example.test" } }),
        { lang: "en" },
        at(ip),
      );
      answers.push(
        [known.status, (known.data as { sent: boolean }).sent],
        [unknown.status, (unknown.data as { sent: boolean }).sent],
      );
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify([200, true])]));
    expect(await mailsTo(user.email)).toHaveLength(5);
    expect(await db.rateLimitEvent.count({ where: { key: "mail:to:nobody@example.test" } })).toBe(5);
  });

  it("refuses a 21st request from one IP within the hour with a translated 429, sending nothing", async () => {
    for (let i = 0; i < 20; i++) {
      const result = await run(
        forgotAction,
        makeRequest("/es/forgot-password", { form: { email: `person${i}@example.test` } }),
        { lang: "es" },
        at("198.51.100.200"),
      );
      expect(result.status).toBe(200);
    }
    const user = await createUser();
    const refused = await run(
      forgotAction,
      makeRequest("/es/forgot-password", { form: { email: user.email } }),
      { lang: "es" },
      at("198.51.100.200"),
    );
    expect(refused.status).toBe(429);
    expect((refused.data as { message: string }).message).toMatch(
      /^Demasiadas solicitudes\. Intente de nuevo en (59|60) minutos\.$/,
    );
    expect(await sentMails()).toEqual([]);
  });

  it("sign-up, resend-verification and email change share the per-address limit and answer 429 past it", async () => {
    const form = {
      name: "Ana",
      email: "ana@example.mx",
      password: "una frase bastante larga",
      language: "es",
      privacy: "on",
    };
    for (let i = 0; i < 5; i++) {
      const result = await run(
        signUpAction,
        makeRequest("/es/signup", { form }),
        { lang: "es" },
        at(`198.51.100.${i}`),
      );
      expect(result.status).toBe(302);
    }
    const sixth = await run(signUpAction, makeRequest("/es/signup", { form }), { lang: "es" }, at("198.51.100.9"));
    expect(sixth.status).toBe(429);
    expect(JSON.stringify(sixth.data)).toMatch(/Demasiadas solicitudes/);
    expect(await mailsTo("ana@example.mx")).toHaveLength(5);

    const ana = await db.user.findUniqueOrThrow({ where: { email: "ana@example.mx" }, select: { id: true } });
    const cookie = await sessionCookie(ana.id);
    const resend = await run(
      verifyAction,
      makeRequest("/es/verify-email", { cookie, form: {} }),
      { lang: "es" },
      at("192.0.2.5"),
    );
    expect(resend.status).toBe(429);

    const other = await createUser();
    const otherCookie = await sessionCookie(other.id);
    const change = await run(
      accountAction,
      makeRequest("/es/account", {
        cookie: otherCookie,
        form: profileForm("ana@example.mx", { currentPassword: TEST_PASSWORD }),
      }),
      { lang: "es" },
      at("192.0.2.6"),
    );
    expect(change.status).toBe(429);
    expect(await mailsTo("ana@example.mx")).toHaveLength(5);
  });
});
