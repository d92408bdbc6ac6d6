// Organizations and roles: a platform admin creates an organization and invites its first org
// admin (new account: sets a password from the link; existing: signs in and accepts); an org
// admin grants and revokes roles in their own organization only, never to themselves, and ends
// memberships (the account stays active). Every change is audited.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { cohortFor, addPeople } from "~/modules/orgs/index.server.ts";
import * as invitation from "~/routes/$lang.invitation/route.tsx";
import * as membersPage from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import * as orgsIndex from "~/routes/$lang.orgs._index/route.tsx";
import { createMember, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { cohortOf, orgWithAdmin, writeCounts } from "../helpers/orgs.ts";
import { lastTokenFor, makeRequest, run, sentMails } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const newOrgForm = (email: string, overrides: Record<string, string> = {}) => ({
  name: "Fiscalía Especializada",
  slug: "fiscalia-especializada",
  kind: "prosecutor_office",
  country: "MX",
  adminName: "Ana Admin",
  adminEmail: email,
  adminLanguage: "es",
  ...overrides,
});

async function roles(userId: string, orgId: string) {
  const m = await db.membership.findUnique({
    where: { userId_orgId: { userId, orgId } },
    select: { roles: { select: { role: true } } },
  });
  return m ? m.roles.map((r) => r.role).sort() : null;
}

describe("creating an organization", () => {
  it("a platform admin creates one; the new admin sets a password from the Spanish email and holds org_admin", async () => {
    const admin = await createUser({ admin: true });
    const cookie = await sessionCookie(admin.id, { reauthenticated: true });
    const created = await run(
      orgsIndex.action,
      makeRequest("/en/orgs", { cookie, form: newOrgForm("ana@example.test") }),
      {
        lang: "en",
      },
    );
    expect(created.status).toBe(302);
    const org = await db.organization.findUniqueOrThrow({
      where: { slug: "fiscalia-especializada" },
      select: { id: true, kind: true, country: true },
    });
    expect(org).toMatchObject({ kind: "prosecutor_office", country: "MX" });
    const mail = (await sentMails()).find((m) => m.to.includes("ana@example.test"))!;
    expect(mail.language).toBe("es");
    expect(mail.subject).toContain("Fiscalía Especializada");
    const user = await db.user.findUniqueOrThrow({ where: { email: "ana@example.test" }, select: { id: true } });
    expect(await roles(user.id, org.id)).toBeNull(); // not before the invitation is followed
    const token = await lastTokenFor("ana@example.test", "invitation");
    const page = await run(invitation.loader, makeRequest(`/es/invitation?token=${token}`), { lang: "es" });
    expect(page.data).toMatchObject({ valid: true, needsPassword: true });
    const short = await run(invitation.action, makeRequest("/es/invitation", { form: { token, password: "corta" } }), {
      lang: "es",
    });
    expect(short.status).toBe(400);
    const accepted = await run(
      invitation.action,
      makeRequest("/es/invitation", { form: { token, password: "una contraseña larga" } }),
      { lang: "es" },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/es/orgs/${org.id}`);
    expect(await roles(user.id, org.id)).toEqual(["org_admin"]);
    const verified = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    expect(verified.emailVerifiedAt).not.toBeNull();
    // The link works once.
    const again = await run(
      invitation.action,
      makeRequest("/es/invitation", { form: { token, password: "otra contraseña larga" } }),
      {
        lang: "es",
      },
    );
    expect(again.status).toBe(400);
    const actions = (await db.auditEvent.findMany({ select: { action: true }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["org.created", "invitation.created", "membership.role.granted", "invitation.accepted"]);
  });

  it("an existing account signs in as the invitee to accept; another account cannot", async () => {
    const admin = await createUser({ admin: true });
    const existing = await createUser({ email: "existing@example.test" });
    await run(
      orgsIndex.action,
      makeRequest("/en/orgs", { cookie: await sessionCookie(admin.id), form: newOrgForm(existing.email) }),
      {
        lang: "en",
      },
    );
    const token = await lastTokenFor(existing.email, "invitation");
    const stranger = await createUser();
    const wrong = await run(
      invitation.action,
      makeRequest("/en/invitation", { cookie: await sessionCookie(stranger.id), form: { token } }),
      {
        lang: "en",
      },
    );
    expect(wrong.status).toBe(400);
    const right = await run(
      invitation.action,
      makeRequest("/en/invitation", { cookie: await sessionCookie(existing.id), form: { token } }),
      {
        lang: "en",
      },
    );
    expect(right.status).toBe(302);
    const org = await db.organization.findUniqueOrThrow({
      where: { slug: "fiscalia-especializada" },
      select: { id: true },
    });
    expect(await roles(existing.id, org.id)).toEqual(["org_admin"]);
  });

  it("bad input is a translated 400 and writes nothing; org admins cannot create organizations", async () => {
    const admin = await createUser({ admin: true });
    const cookie = await sessionCookie(admin.id);
    const before = await writeCounts();
    for (const form of <Record<string, string>[]>[
      newOrgForm("x@example.test", { kind: "cartel" }),
      newOrgForm("x@example.test", { country: "CA" }),
      newOrgForm("not-an-email"),
      newOrgForm("x@example.test", { slug: "Bad Slug!" }),
    ]) {
      const result = await run(orgsIndex.action, makeRequest("/es/orgs", { cookie, form }), { lang: "es" });
      expect(result.status, JSON.stringify(form)).toBe(400);
      expect((result.data as { message: string }).message).not.toMatch(/^orgs:/);
    }
    expect(await writeCounts()).toEqual(before);
    const orgAdmin = await orgWithAdmin();
    const refused = await run(
      orgsIndex.action,
      makeRequest("/en/orgs", { cookie: orgAdmin.cookie, form: newOrgForm("y@example.test") }),
      {
        lang: "en",
      },
    );
    expect(refused.status).toBe(403);
  });
});

describe("roles within one's own organization", () => {
  it("grants and revokes roles, never to oneself, and ends a membership keeping the account", async () => {
    const org = await orgWithAdmin("law_school");
    const learner = (await createMember("learner", org.orgId)).user;
    const params = { lang: "en", orgId: org.orgId };
    const post = (form: Record<string, string>) =>
      run(membersPage.action, makeRequest(`/en/orgs/${org.orgId}/members`, { cookie: org.cookie, form }), params);
    expect((await post({ intent: "grantRole", userId: learner.id, role: "instructor" })).status).toBe(302);
    expect(await roles(learner.id, org.orgId)).toEqual(["instructor", "learner"]);
    expect((await post({ intent: "grantRole", userId: learner.id, role: "instructor" })).status).toBe(400);
    expect((await post({ intent: "grantRole", userId: learner.id, role: "platform_admin" })).status).toBe(400);
    expect((await post({ intent: "revokeRole", userId: learner.id, role: "instructor" })).status).toBe(302);
    expect(await roles(learner.id, org.orgId)).toEqual(["learner"]);
    const before = await writeCounts();
    for (const form of <Record<string, string>[]>[
      { intent: "grantRole", userId: org.admin.id, role: "supervisor" },
      { intent: "revokeRole", userId: org.admin.id, role: "org_admin" },
      { intent: "endMembership", userId: org.admin.id },
    ]) {
      const result = await post(form);
      expect(result.status, form.intent).toBe(400);
      expect((result.data as { message: string }).message).toMatch(/own/);
    }
    expect(await writeCounts()).toEqual(before);

    const cohortId = await cohortOf(org.orgId, org.admin.id);
    await addPeople(org.admin.id, (await cohortFor(org.orgId, cohortId))!, [learner.email]);
    expect((await post({ intent: "endMembership", userId: learner.id })).status).toBe(302);
    expect(await roles(learner.id, org.orgId)).toBeNull();
    const left = await db.cohortMember.findUniqueOrThrow({
      where: { cohortId_userId: { cohortId, userId: learner.id } },
      select: { removedAt: true },
    });
    expect(left.removedAt).not.toBeNull();
    const account = await db.user.findUniqueOrThrow({ where: { id: learner.id }, select: { deactivatedAt: true } });
    expect(account.deactivatedAt).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { actorId: org.admin.id },
      select: { action: true, data: true },
    });
    expect(events.map((e) => e.action)).toContain("membership.ended");
    for (const e of events) expect(e.data).not.toContain("@");
  });

  it("a role above learner granted to an unverified address stays pending until verification", async () => {
    const org = await orgWithAdmin();
    const unverified = await createUser({ verified: false });
    await db.membership.create({
      data: { userId: unverified.id, orgId: org.orgId, roles: { create: { role: "learner" } } },
    });
    await run(
      membersPage.action,
      makeRequest("/en/x", {
        cookie: org.cookie,
        form: { intent: "grantRole", userId: unverified.id, role: "org_admin" },
      }),
      { lang: "en", orgId: org.orgId },
    );
    const page = await run(membersPage.loader, makeRequest("/en/x", { cookie: await sessionCookie(unverified.id) }), {
      lang: "en",
      orgId: org.orgId,
    });
    expect(page.status).toBe(403);
  });
});
