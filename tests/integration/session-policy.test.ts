// Issue 18, sessions (OWASP ASVS 5.0 level 2; docs/decisions/016-session-policy.md): an idle
// timeout and an absolute lifetime, shorter for accounts that must give a second factor;
// activity written at most once a minute; the session cookie's name and flags over HTTPS and
// plain http. The clock is moved with fake timers (Date only).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "~/env.server.ts";
import { enrolKnownSecret, getSessionState, sessionCookies } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { createMember, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";

const MINUTE = 60_000;
const START = new Date("2026-12-05T12:00:00Z").getTime();

const at = (minutes: number) => vi.setSystemTime(START + minutes * MINUTE);
const request = (cookie: string) => new Request("http://localhost/en/courses", { headers: { Cookie: cookie } });
const signedIn = async (cookie: string) => (await getSessionState(request(cookie))).user !== null;

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  at(0);
});
afterEach(() => vi.useRealTimers());

async function supervisorCookie() {
  const { user } = await createMember("supervisor");
  await enrolKnownSecret(user.id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  return { user, cookie: await sessionCookie(user.id) };
}

describe("idle timeout", () => {
  it("ends a learner's session after 30 minutes without a request, and deletes it", async () => {
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    at(29);
    expect(await signedIn(cookie)).toBe(true);
    at(29 + 29);
    expect(await signedIn(cookie)).toBe(true);
    at(29 + 29 + 30);
    const state = await getSessionState(request(cookie));
    expect(state.user).toBeNull();
    expect(state.setCookie).toMatch(/^puente_session=;/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends a privileged session after 15 minutes, where a learner's continues", async () => {
    const learner = await createUser();
    const learnerCookie = await sessionCookie(learner.id);
    const { cookie } = await supervisorCookie();
    at(14);
    expect(await signedIn(cookie)).toBe(true);
    expect(await signedIn(learnerCookie)).toBe(true);
    at(14 + 16);
    expect(await signedIn(cookie)).toBe(false);
    expect(await signedIn(learnerCookie)).toBe(true);
  });

  it("writes activity at most once a minute (a request within the minute costs no write)", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const lastSeen = async () =>
      (await db.session.findFirstOrThrow({ where: { userId: user.id }, select: { lastSeenAt: true } })).lastSeenAt;
    at(0.5);
    await getSessionState(request(cookie));
    expect((await lastSeen()).getTime()).toBe(START);
    at(1);
    await getSessionState(request(cookie));
    expect((await lastSeen()).getTime()).toBe(START + MINUTE);
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } });
    // The deadline the prune job deletes by follows the activity.
    expect(row.expiresAt.getTime()).toBe(START + 31 * MINUTE);
  });
});

describe("absolute lifetime", () => {
  it("ends a learner's session 12 hours after sign-in however active it is", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      at(minute);
      expect(await signedIn(cookie)).toBe(true);
    }
    at(12 * 60);
    expect(await signedIn(cookie)).toBe(false);
  });

  it("ends a privileged session after 8 hours", async () => {
    const { cookie } = await supervisorCookie();
    for (let minute = 10; minute < 8 * 60; minute += 10) {
      at(minute);
      expect(await signedIn(cookie)).toBe(true);
    }
    at(8 * 60);
    expect(await signedIn(cookie)).toBe(false);
  });
});

describe("the session cookie", () => {
  it("over HTTPS: __Host- prefix, Secure, HttpOnly, Path=/, no Domain; read back under that name only", () => {
    const https = sessionCookies("https://puente.example.org");
    const cookie = https.make("abc");
    expect(cookie).toMatch(/^__Host-puente_session=abc;/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(https.read("__Host-puente_session=abc")).toBe("abc");
    expect(https.read("puente_session=abc")).toBeNull();
    expect(https.blank()).toMatch(/^__Host-puente_session=;.*Secure/i);
  });

  it("over plain http (development, tests): puente_session without Secure, which http would drop", async () => {
    const cookie = sessionCookies("http://localhost:3000").make("abc");
    expect(cookie).toMatch(/^puente_session=abc;/);
    expect(cookie).not.toMatch(/Secure/i);
    // The app under test is served over http, so its sign-in cookie is the plain one.
    const user = await createUser();
    expect(await sessionCookie(user.id)).toMatch(/^puente_session=/);
  });

  it("lives no longer than the longest session (Max-Age 12 hours)", () => {
    const cookie = sessionCookies("https://puente.example.org").make("abc");
    expect(cookie).toMatch(/Max-Age=43200/);
  });
});
