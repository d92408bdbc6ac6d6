// The platform admin's user page: deactivating, reactivating and clearing a lock-out.
import { beforeEach, describe, expect, it } from "vitest";
import { isAccountLocked } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as adminUserAction, loader as adminUserLoader } from "~/routes/$lang.admin.users.$userId/route.tsx";
import { loader as accountLoader } from "~/routes/$lang.account._index/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { createUser, resetDatabase, sessionCookie, TEST_PASSWORD } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeEach(resetDatabase);

type ActionData = { message: string };

async function signedInAdmin() {
  const admin = await createUser({ admin: true, name: "Zoe Admin" });
  return { admin, cookie: await sessionCookie(admin.id, { reauthenticated: true }) };
}

function act(cookie: string, userId: string, form: Record<string, string>, lang: "en" | "es" = "en") {
  return run(adminUserAction, makeRequest(`/${lang}/admin/users/${userId}`, { cookie, form }), { lang, userId });
}

const auditOf = (action: string) =>
  db.auditEvent.findMany({ where: { action }, select: { actorId: true, subject: true, data: true } });

const signIn = (email: string, password: string, lang: "en" | "es" = "en") =>
  run(signInAction, makeRequest(`/${lang}/login`, { form: { email, password } }), { lang });

describe("deactivating and reactivating", () => {
  it("ends every session, refuses sign-in with the deactivated message, and is audited", async () => {
    const { admin, cookie } = await signedInAdmin();
    const person = await createUser();
    const theirs = await sessionCookie(person.id);
    await sessionCookie(person.id);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(2);

    const result = await act(cookie, person.id, { intent: "deactivate" });
    expect(result.location).toBe(`/en/admin/users/${person.id}?done=deactivated`);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await run(accountLoader, makeRequest("/en/account", { cookie: theirs }), { lang: "en" })).status).toBe(302);
    const refused = await signIn(person.email, TEST_PASSWORD, "es");
    expect(refused.status).toBe(400);
    expect((refused.data as { message: string }).message).toBe(
      "Esta cuenta fue desactivada. Comuníquese con el administrador de su organización.",
    );
    expect(await auditOf("user.deactivated")).toEqual([
      { actorId: admin.id, subject: `user:${person.id}`, data: "{}" },
    ]);

    const again = await act(cookie, person.id, { intent: "deactivate" });
    expect(again.status).toBe(400);
    expect((await auditOf("user.deactivated")).length).toBe(1);

    const back = await act(cookie, person.id, { intent: "reactivate" });
    expect(back.location).toBe(`/en/admin/users/${person.id}?done=reactivated`);
    expect((await signIn(person.email, TEST_PASSWORD)).status).toBe(302);
    expect(await auditOf("user.reactivated")).toEqual([
      { actorId: admin.id, subject: `user:${person.id}`, data: "{}" },
    ]);
  });

  it("refuses an admin deactivating themself, with 400 and nothing changed", async () => {
    const { admin, cookie } = await signedInAdmin();
    const result = await act(cookie, admin.id, { intent: "deactivate" }, "es");
    expect(result.status).toBe(400);
    expect((result.data as ActionData).message).toBe("No puede desactivar su propia cuenta. No se hizo ningún cambio.");
    const row = await db.user.findUnique({ where: { id: admin.id }, select: { deactivatedAt: true } });
    expect(row?.deactivatedAt).toBeNull();
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
    const page = await run(adminUserLoader, makeRequest(`/es/admin/users/${admin.id}`, { cookie }), {
      lang: "es",
      userId: admin.id,
    });
    expect((page.data as { isSelf: boolean }).isSelf).toBe(true);
  });

  it("refuses reactivating an active account with 400", async () => {
    const { cookie } = await signedInAdmin();
    const person = await createUser();
    const result = await act(cookie, person.id, { intent: "reactivate" });
    expect(result.status).toBe(400);
    expect(await auditOf("user.reactivated")).toEqual([]);
  });
});

describe("clearing a lock-out", () => {
  it("lets a locked-out person sign in again, audited", async () => {
    const { admin, cookie } = await signedInAdmin();
    const person = await createUser();
    for (let i = 0; i < 5; i++) await signIn(person.email, "wrong password!!");
    expect(await isAccountLocked(person.email)).toBe(true);
    expect((await signIn(person.email, TEST_PASSWORD)).status).toBe(429);
    const page = await run(adminUserLoader, makeRequest(`/en/admin/users/${person.id}`, { cookie }), {
      lang: "en",
      userId: person.id,
    });
    expect((page.data as { user: { locked: boolean } }).user.locked).toBe(true);

    const result = await act(cookie, person.id, { intent: "clearLockout" });
    expect(result.location).toBe(`/en/admin/users/${person.id}?done=lockoutCleared`);
    expect(await isAccountLocked(person.email)).toBe(false);
    expect(await auditOf("user.lockout.cleared")).toEqual([
      { actorId: admin.id, subject: `user:${person.id}`, data: JSON.stringify({ failedAttempts: 5 }) },
    ]);
    expect((await signIn(person.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("says there is nothing to clear when there is no lock-out", async () => {
    const { cookie } = await signedInAdmin();
    const person = await createUser();
    const result = await act(cookie, person.id, { intent: "clearLockout" });
    expect(result.status).toBe(400);
    expect((result.data as ActionData).message).toBe(
      "This account has no failed sign-ins to clear. Nothing was changed.",
    );
    expect(await auditOf("user.lockout.cleared")).toEqual([]);
  });
});
