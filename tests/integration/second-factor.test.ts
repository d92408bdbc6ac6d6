// The second factor for org admins, supervisors, vetting officers and platform admins:
// enrolment (QR code, confirmation, recovery codes), sign-in with a TOTP code or a recovery
// code, and every refusal (wrong, replayed, brute-forced, malformed). Pages are driven
// through their loaders and actions; the clock is controlled (codes depend on it).
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "~/env.server.ts";
import { beginEnrolment, enrolKnownSecret, getSessionState, requirePermission } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { loadShell } from "~/modules/web/index.server.ts";
import { verifyAuditChain } from "~/modules/audit/index.server.ts";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { action as verifyAction, loader as verifyLoader } from "~/routes/$lang.second-factor/route.tsx";
import { action as enrolAction, loader as enrolLoader } from "~/routes/$lang.second-factor_.enrol/route.tsx";
import { loader as membersLoader } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { loader as accountLoader } from "~/routes/$lang.account._index/route.tsx";
import { createMember, createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { cookiesFrom, makeRequest, run } from "../helpers/routes.ts";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const START = new Date("2026-12-05T12:00:05Z").getTime();

const codeFor = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** Password sign-in through the page; returns the pending session's cookie and where it was sent. */
async function signInWithPassword(email: string, redirectTo = "") {
  const result = await run(
    signInAction,
    makeRequest("/en/login", { form: { email, password: TEST_PASSWORD, redirectTo } }),
    { lang: "en" },
  );
  return { cookie: cookiesFrom(result), location: result.location, status: result.status };
}

const giveCode = (cookie: string, form: Record<string, string>, lang = "en", ip?: string) =>
  run(
    verifyAction,
    makeRequest(`/${lang}/second-factor?redirectTo=%2F${lang}%2Forgs`, { form, cookie }),
    { lang },
    ip ? { clientIp: ip, requestId: "test" } : undefined,
  );

async function supervisorEnrolled() {
  const { user, orgId } = await createMember("supervisor");
  await enrolKnownSecret(user.id, SECRET);
  return { user, orgId };
}

async function securityEvents(userId: string) {
  return db.securityEvent.findMany({
    where: { actorId: userId },
    select: { kind: true, data: true },
    orderBy: { at: "asc" },
  });
}

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("enrolment", () => {
  it("sends a supervisor without an authenticator to enrol, and grants nothing until a code confirms it", async () => {
    const { user, orgId } = await createMember("supervisor");
    const { cookie, location } = await signInWithPassword(user.email, "/en/vetting");
    expect(location).toBe("/en/second-factor/enrol?redirectTo=%2Fen%2Fvetting");

    // The pending session is no session: no user, the permission is refused, pages send it back.
    const state = await getSessionState(makeRequest("/en", { cookie }));
    expect(state.user).toBeNull();
    expect(state.pending).toMatchObject({ userId: user.id, stage: "enrol" });
    const refused = await run(accountLoader, makeRequest("/en/account", { cookie }), { lang: "en" });
    expect(refused.status).toBe(302);
    expect(refused.location).toMatch(/^\/en\/second-factor\/enrol\?redirectTo=/);
    const members = await run(membersLoader, makeRequest(`/en/orgs/${orgId}/members`, { cookie }), {
      lang: "en",
      orgId,
    });
    expect(members.status).toBe(302);

    // The page shows the key as text and as a QR code of an otpauth:// address; the same key on every visit.
    const page = await run(enrolLoader, makeRequest("/en/second-factor/enrol", { cookie }), { lang: "en" });
    const enrolment = (page.data as { enrolment: { secret: string; qrSvg: string } }).enrolment;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const again = await beginEnrolment(user.id);
    expect(again?.secret).toBe(enrolment.secret);
    expect(again?.uri).toMatch(/^otpauth:\/\/totp\/Puente:.*\?.*issuer=Puente/);
    expect(again?.uri).toContain(`secret=${enrolment.secret}`);
    // Stored encrypted: the key is nowhere in the row.
    const row = await db.secondFactor.findUniqueOrThrow({ where: { userId: user.id }, select: { secret: true } });
    expect(row.secret).not.toContain(enrolment.secret);

    // A wrong code: translated refusal, nothing enrolled, a security event.
    const wrong = await run(enrolAction, makeRequest("/es/second-factor/enrol", { form: { code: "000000" }, cookie }), {
      lang: "es",
    });
    expect(wrong.status).toBe(400);
    expect((wrong.data as { message: string }).message).toMatch(/no es correcto/);
    expect(await db.recoveryCode.count()).toBe(0);
    expect((await securityEvents(user.id)).map((e) => e.kind)).toEqual(["auth.second-factor.enrol.refused"]);

    const done = await run(
      enrolAction,
      makeRequest("/en/second-factor/enrol", { form: { code: codeFor(enrolment.secret) }, cookie }),
      { lang: "en" },
    );
    expect(done.status).toBe(200);
    const codes = (done.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    // Stored only as digests.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((s) => s.codeHash)).not.toContain(c.replaceAll("-", ""));

    // The same session now grants the role; the enrolment is audited.
    const after = await getSessionState(makeRequest("/en", { cookie }));
    expect(after.user?.id).toBe(user.id);
    const granted = await requirePermission(makeRequest("/en/vetting", { cookie }), "read:vetting-status:org");
    expect(granted.orgIds).toEqual([orgId]);
    const audit = await db.auditEvent.findMany({ where: { actorId: user.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["auth.second-factor.enrol"]);
    expect((await verifyAuditChain()).brokenAt).toBeNull();

    // Once enrolled, the enrolment page shows no key again.
    expect(await beginEnrolment(user.id)).toBeNull();
  });

  it("requires it of org admins, vetting officers and platform admins too, not of learners or instructors", async () => {
    for (const role of ["org_admin", "vetting_officer"] as const) {
      const { user } = await createMember(role);
      expect((await signInWithPassword(user.email)).location).toMatch(/^\/en\/second-factor\/enrol/);
    }
    const admin = await createUser({ admin: true });
    expect((await signInWithPassword(admin.email)).location).toMatch(/^\/en\/second-factor\/enrol/);
    for (const role of ["learner", "instructor"] as const) {
      const { user } = await createMember(role);
      const { cookie, location } = await signInWithPassword(user.email, "/en/account");
      expect(location).toBe("/en/account");
      expect((await getSessionState(makeRequest("/en", { cookie }))).user?.id).toBe(user.id);
    }
  });
});

describe("sign-in with a code", () => {
  it("accepts the current code once, and the session then holds the role", async () => {
    const { user, orgId } = await supervisorEnrolled();
    const { cookie, location } = await signInWithPassword(user.email, "/en/orgs");
    expect(location).toBe("/en/second-factor?redirectTo=%2Fen%2Forgs");
    const page = await run(verifyLoader, makeRequest("/en/second-factor", { cookie }), { lang: "en" });
    expect(page.status).toBe(200);

    const result = await giveCode(cookie, { intent: "totp", code: codeFor(SECRET) });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/en/orgs");
    const full = cookiesFrom(result);
    // A new session id; the pending one is gone.
    expect(full).not.toBe(cookie);
    expect((await getSessionState(makeRequest("/en", { cookie }))).sessionId).toBeNull();
    const granted = await requirePermission(makeRequest("/en/vetting", { cookie: full }), "read:vetting-status:org");
    expect(granted.orgIds).toEqual([orgId]);
  });

  it("refuses a wrong code with a translated message, grants nothing, and logs it", async () => {
    const { user } = await supervisorEnrolled();
    const { cookie } = await signInWithPassword(user.email);
    const result = await giveCode(cookie, { intent: "totp", code: "123456" }, "es");
    expect(result.status).toBe(400);
    expect((result.data as { message: string }).message).toBe(
      "Ese código no es correcto. Revise que la hora de su teléfono sea correcta y escriba el código más reciente.",
    );
    expect(cookiesFrom(result)).toBe("");
    expect((await getSessionState(makeRequest("/en", { cookie }))).user).toBeNull();
    const events = await securityEvents(user.id);
    expect(events).toEqual([{ kind: "auth.second-factor.refused", data: JSON.stringify({ reason: "invalid" }) }]);
  });

  it("refuses a malformed code without counting it", async () => {
    const { user } = await supervisorEnrolled();
    const { cookie } = await signInWithPassword(user.email);
    for (const code of ["12345", "abcdef", "1234567", "x".repeat(5000), ""]) {
      const result = await giveCode(cookie, { intent: "totp", code });
      expect(result.status).toBe(400);
      expect((result.data as { message: string }).message).toBe("Enter the six digits your app shows.");
    }
    expect(await db.loginAttempt.count()).toBe(0);
  });

  it("accepts the code of the step before or after (clock drift), not two steps away", async () => {
    const { user } = await supervisorEnrolled();
    const { cookie } = await signInWithPassword(user.email);
    expect((await giveCode(cookie, { intent: "totp", code: codeFor(SECRET, START - 60_000) })).status).toBe(400);
    expect((await giveCode(cookie, { intent: "totp", code: codeFor(SECRET, START - 30_000) })).status).toBe(302);
  });

  it("refuses a replayed code, and any code of an earlier step", async () => {
    const { user } = await supervisorEnrolled();
    const code = codeFor(SECRET);
    const first = await signInWithPassword(user.email);
    expect((await giveCode(first.cookie, { intent: "totp", code })).status).toBe(302);

    // Someone who saw the code (and knows the password) tries it in the same 30 seconds.
    vi.setSystemTime(START + 10_000);
    const second = await signInWithPassword(user.email);
    const replay = await giveCode(second.cookie, { intent: "totp", code });
    expect(replay.status).toBe(400);
    expect((replay.data as { message: string }).message).toMatch(/already been used/);
    // The previous step's code is still within the drift window, but older than the one used.
    const older = await giveCode(second.cookie, { intent: "totp", code: codeFor(SECRET, START - 30_000) });
    expect((older.data as { message: string }).message).toMatch(/already been used/);
    expect((await getSessionState(makeRequest("/en", { cookie: second.cookie }))).user).toBeNull();
    expect((await securityEvents(user.id)).map((e) => JSON.parse(e.data).reason)).toEqual(["replayed", "replayed"]);

    // The next step's code works.
    vi.setSystemTime(START + 30_000);
    expect((await giveCode(second.cookie, { intent: "totp", code: codeFor(SECRET) })).status).toBe(302);
  });

  it("stops guessing after too many wrong codes, even the right one, per account across places", async () => {
    const { user } = await supervisorEnrolled();
    const { cookie } = await signInWithPassword(user.email);
    const max = env.SECOND_FACTOR_MAX_FAILURES;
    for (let i = 0; i < max; i += 1) {
      const ip = `198.51.100.${i}`;
      const result = await giveCode(cookie, { intent: "totp", code: String(100000 + i) }, "en", ip);
      expect(result.status).toBe(400);
    }
    const blocked = await giveCode(cookie, { intent: "totp", code: codeFor(SECRET) }, "en", "192.0.2.99");
    expect(blocked.status).toBe(429);
    expect((blocked.data as { message: string }).message).toBe(
      `Too many wrong codes. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.`,
    );
    expect((await getSessionState(makeRequest("/en", { cookie }))).user).toBeNull();
    const reasons = (await securityEvents(user.id)).map((e) => JSON.parse(e.data).reason);
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(max);
    expect(reasons.at(-1)).toBe("locked");

    // Past the window the right code works (a fresh password sign-in: the pending one has expired).
    vi.setSystemTime(START + env.LOGIN_WINDOW_MINUTES * 60_000 + 1000);
    const later = await signInWithPassword(user.email);
    expect((await giveCode(later.cookie, { intent: "totp", code: codeFor(SECRET) })).status).toBe(302);
  });

  it("stops one place from guessing codes of many accounts", async () => {
    const saved = env.LOGIN_MAX_FAILURES_PER_IP;
    env.LOGIN_MAX_FAILURES_PER_IP = 3;
    try {
      const people = [await supervisorEnrolled(), await supervisorEnrolled()];
      const cookies = [
        (await signInWithPassword(people[0]!.user.email)).cookie,
        (await signInWithPassword(people[1]!.user.email)).cookie,
      ];
      for (let i = 0; i < 3; i += 1) await giveCode(cookies[i % 2]!, { intent: "totp", code: "111111" });
      const blocked = await giveCode(cookies[1]!, { intent: "totp", code: codeFor(SECRET) });
      expect(blocked.status).toBe(429);
      const elsewhere = await giveCode(cookies[1]!, { intent: "totp", code: codeFor(SECRET) }, "en", "192.0.2.1");
      expect(elsewhere.status).toBe(302);
    } finally {
      env.LOGIN_MAX_FAILURES_PER_IP = saved;
    }
  });

  it("ends a pending sign-in that waits too long", async () => {
    const { user } = await supervisorEnrolled();
    const { cookie } = await signInWithPassword(user.email);
    vi.setSystemTime(START + 31 * 60_000);
    expect((await getSessionState(makeRequest("/en", { cookie }))).pending).toBeNull();
    const result = await giveCode(cookie, { intent: "totp", code: codeFor(SECRET) });
    expect(result.location).toBe("/en/login");
  });
});

describe("the language offer", () => {
  it("waits for the page after the second factor", async () => {
    const { user } = await supervisorEnrolled();
    const result = await run(
      signInAction,
      makeRequest("/es/login", { form: { email: user.email, password: TEST_PASSWORD } }),
      { lang: "es" },
    );
    const cookie = cookiesFrom(result);
    expect(cookie).toMatch(/puente_lang_offer=/);
    const onFactorPage = await loadShell(makeRequest("/es/second-factor", { cookie }), { lang: "es" }, {});
    expect(onFactorPage.shell.languageOffer).toBeNull();
    expect(onFactorPage.headers.get("Set-Cookie") ?? "").not.toMatch(/puente_lang_offer/);
    const done = await run(
      verifyAction,
      makeRequest("/es/second-factor", { form: { intent: "totp", code: codeFor(SECRET) }, cookie }),
      { lang: "es" },
    );
    const offer = cookie.split("; ").find((c) => c.startsWith("puente_lang_offer="))!;
    const next = await loadShell(makeRequest("/es", { cookie: `${cookiesFrom(done)}; ${offer}` }), { lang: "es" }, {});
    expect(next.shell.languageOffer).toBe("es");
  });
});

describe("recovery codes", () => {
  it("each signs in once, and its use is audited", async () => {
    const { user } = await createMember("vetting_officer");
    const first = await signInWithPassword(user.email);
    const enrolment = await beginEnrolment(user.id);
    const done = await run(
      enrolAction,
      makeRequest("/en/second-factor/enrol", { form: { code: codeFor(enrolment!.secret) }, cookie: first.cookie }),
      { lang: "en" },
    );
    const [code] = (done.data as { recoveryCodes: string[] }).recoveryCodes;

    const second = await signInWithPassword(user.email);
    // Typed in capitals and without hyphens: still the code.
    const used = await giveCode(second.cookie, { intent: "recovery", code: code!.replaceAll("-", "").toUpperCase() });
    expect(used.status).toBe(302);
    const audit = await db.auditEvent.findMany({
      where: { actorId: user.id },
      select: { action: true, data: true },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["auth.second-factor.enrol", "auth.recovery-code.use"]);
    expect(JSON.parse(audit[1]!.data)).toEqual({ remaining: 9 });

    const third = await signInWithPassword(user.email);
    const again = await giveCode(third.cookie, { intent: "recovery", code: code! });
    expect(again.status).toBe(400);
    expect((again.data as { kind: string; message: string }).kind).toBe("recovery");
    expect((await getSessionState(makeRequest("/en", { cookie: third.cookie }))).user).toBeNull();
    const malformed = await giveCode(third.cookie, { intent: "recovery", code: "not a code" });
    expect((malformed.data as { message: string }).message).toBe("Enter a recovery code like abcd-efgh-ijkl-mnop.");
    expect((await verifyAuditChain()).brokenAt).toBeNull();
  });
});

describe("sessions that gave only the password", () => {
  it("get no privileged permission, even when the role is granted after sign-in", async () => {
    const { user, orgId } = await createMember("learner");
    const { cookie } = await signInWithPassword(user.email);
    expect((await getSessionState(makeRequest("/en", { cookie }))).user?.id).toBe(user.id);
    // An admin makes the learner an org admin while the session is open.
    await grantRole(null, user.id, orgId, "org_admin");
    const state = await getSessionState(makeRequest("/en", { cookie }));
    expect(state.user).toBeNull();
    expect(state.pending?.stage).toBe("enrol");
    const members = await run(membersLoader, makeRequest(`/en/orgs/${orgId}/members`, { cookie }), {
      lang: "en",
      orgId,
    });
    expect(members.status).toBe(302);
    expect(members.location).toMatch(/^\/en\/second-factor\/enrol\?/);
  });

  it("a session started with the password only is refused; one that gave the code is not", async () => {
    const { user, orgId } = await supervisorEnrolled();
    const passwordOnly = await sessionCookie(user.id, { passwordOnly: true });
    const refused = await run(accountLoader, makeRequest("/en/account", { cookie: passwordOnly }), { lang: "en" });
    expect(refused.location).toBe("/en/second-factor?redirectTo=%2Fen%2Faccount");
    const full = await sessionCookie(user.id);
    const granted = await requirePermission(makeRequest("/en/vetting", { cookie: full }), "read:vetting-status:org");
    expect(granted.orgIds).toEqual([orgId]);
  });

  it("leave learners as they were", async () => {
    const { user } = await createMember("learner");
    const { cookie, location } = await signInWithPassword(user.email, "/en/account");
    expect(location).toBe("/en/account");
    const page = await run(accountLoader, makeRequest("/en/account", { cookie }), { lang: "en" });
    expect(page.status).toBe(200);
    // The second-factor pages send a signed-in learner on.
    const verify = await run(verifyLoader, makeRequest("/en/second-factor", { cookie }), { lang: "en" });
    expect(verify.location).toBe("/en");
  });
});
