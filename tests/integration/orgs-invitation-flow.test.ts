// From a roster file to the granted role, through the pages as a browser would call them:
// an org admin uploads and confirms an import → the outbox mails the invitation in the
// invitee's language → its link opens the invitation page → a new account chooses its
// password (an existing one signs in and accepts) → the membership holds the file's role,
// the new password signs in, and the link works once.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { drainOutbox, importJobSettled } from "~/modules/orgs/index.server.ts";
import { action as invitationAction, loader as invitationLoader } from "~/routes/$lang.invitation/route.tsx";
import { action as signInAction } from "~/routes/$lang.login/route.tsx";
import { action as membersAction, loader as membersLoader } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { action as jobAction } from "~/routes/$lang.orgs.import.$jobId._index/route.tsx";
import { action as uploadAction } from "~/routes/$lang.orgs.import._index/route.tsx";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { cookiesFrom, makeRequest, run, sentMails } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

async function rolesOf(email: string, orgId: string): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { memberships: { where: { orgId }, select: { roles: { select: { role: true } } } } },
  });
  return (user.memberships[0]?.roles.map((r) => r.role) ?? []).sort();
}

/** The link of the last mail to `to`, split into the route's path and its token. */
async function invitationLink(to: string) {
  const mail = (await sentMails()).reverse().find((m) => m.to.includes(to));
  if (!mail) throw new Error(`no mail to ${to}`);
  const match = /(https?:\/\/[^\s]+\/(en|es)\/invitation\?token=([A-Za-z0-9_-]+))/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in the mail to ${to}`);
  const url = new URL(match[1]!);
  return { mail, lang: match[2]!, path: `${url.pathname}${url.search}`, token: match[3]! };
}

async function importFile(adminCookie: string, orgId: string, csv: string) {
  const form = new FormData();
  form.set("org", orgId);
  form.set("file", new File([new TextEncoder().encode(csv)], "staff.csv", { type: "text/csv" }));
  const uploaded = await run(
    uploadAction,
    new Request("http://localhost:3000/en/orgs/import?index", {
      method: "POST",
      headers: { Cookie: adminCookie },
      body: form,
    }),
    { lang: "en" },
  );
  expect(uploaded.status).toBe(302);
  const jobId = uploaded.location!.split("/").pop()!;
  const confirmed = await run(
    jobAction,
    makeRequest(`/en/orgs/import/${jobId}`, { cookie: adminCookie, form: { intent: "confirm" } }),
    { lang: "en", jobId },
  );
  expect(confirmed.status).toBe(302);
  await importJobSettled(jobId);
  expect((await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } })).status).toBe(
    "finished",
  );
  return jobId;
}

describe("an imported invitation, followed to the granted role", () => {
  it("a new account chooses its password from the emailed link and holds the file's role", async () => {
    const org = await createOrg("law_school");
    const { user: admin } = await createMember("org_admin", org.id);
    const adminCookie = await sessionCookie(admin.id);
    const cohort = await db.cohort.create({
      data: {
        orgId: org.id,
        name: "Docentes 2027",
        startsOn: new Date("2027-01-10"),
        endsOn: new Date("2027-06-30"),
        courses: { create: [{ courseId: "course-a", position: 0 }] },
      },
      select: { id: true },
    });
    await importFile(
      adminCookie,
      org.id,
      `nombre,correo,idioma,rol,grupo\nLucía Herrera,lucia@example.test,es,instructor,Docentes 2027\n`,
    );
    // Imported: a learner in the cohort at once; the staff role waits for the invitation.
    expect(await rolesOf("lucia@example.test", org.id)).toEqual(["learner"]);
    expect(await db.cohortMember.count({ where: { cohortId: cohort.id } })).toBe(1);

    expect((await drainOutbox({ perMinute: 100 })).sent).toBe(1);
    const link = await invitationLink("lucia@example.test");
    expect(link.lang).toBe("es");
    expect(link.mail.language).toBe("es");

    // The page the link opens: a new account, asked to choose a password.
    const page = await run(invitationLoader, makeRequest(link.path), { lang: "es" });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ valid: true, needsPassword: true, email: "lucia@example.test" });

    // Too short a password: refused, translated, nothing granted.
    const short = await run(
      invitationAction,
      makeRequest(link.path, { form: { token: link.token, password: "corta" } }),
      { lang: "es" },
    );
    expect(short.status).toBe(400);
    expect(await rolesOf("lucia@example.test", org.id)).toEqual(["learner"]);

    const password = "una contraseña larga y segura";
    const accepted = await run(invitationAction, makeRequest(link.path, { form: { token: link.token, password } }), {
      lang: "es",
    });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/es/orgs/${org.id}`);
    expect(cookiesFrom(accepted)).toMatch(/=/);
    expect(await rolesOf("lucia@example.test", org.id)).toEqual(["instructor", "learner"]);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "lucia@example.test" },
      select: { emailVerifiedAt: true, invitations: { select: { acceptedAt: true } } },
    });
    // Following the link proved the address.
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.invitations.every((i) => i.acceptedAt !== null)).toBe(true);

    // The chosen password signs in; the link does not work twice.
    const signIn = await run(
      signInAction,
      makeRequest("/es/login", { form: { email: "lucia@example.test", password } }),
      { lang: "es" },
    );
    expect(signIn.status).toBe(302);
    const again = await run(invitationLoader, makeRequest(link.path), { lang: "es" });
    expect(again.status).toBe(400);
    const replay = await run(
      invitationAction,
      makeRequest(link.path, { form: { token: link.token, password: "otra contraseña larga" } }),
      { lang: "es" },
    );
    expect(replay.status).toBe(400);
  });

  it("an existing account signs in as the invitee and accepts; someone else signed in cannot", async () => {
    const org = await createOrg("us_agency");
    const { user: admin } = await createMember("org_admin", org.id);
    await db.cohort.create({
      data: {
        orgId: org.id,
        name: "Task force",
        startsOn: new Date("2027-01-10"),
        endsOn: new Date("2027-06-30"),
        courses: { create: [{ courseId: "course-a", position: 0 }] },
      },
      select: { id: true },
    });
    const sam = await createUser({ email: "sam@example.test", name: "Sam Ortiz", language: "en" });
    await importFile(
      await sessionCookie(admin.id),
      org.id,
      `name,email,language,role,cohort\nSam Ortiz,sam@example.test,en,supervisor,Task force\n`,
    );
    await drainOutbox({ perMinute: 100 });
    const link = await invitationLink("sam@example.test");
    expect(link.lang).toBe("en");

    const signedOut = await run(invitationLoader, makeRequest(link.path), { lang: "en" });
    expect(signedOut.data).toMatchObject({ valid: true, needsPassword: false, signedInAs: null });

    const stranger = await createUser();
    const wrong = await run(
      invitationAction,
      makeRequest(link.path, { cookie: await sessionCookie(stranger.id), form: { token: link.token } }),
      { lang: "en" },
    );
    expect(wrong.status).toBe(400);
    expect(await rolesOf("sam@example.test", org.id)).toEqual(["learner"]);

    const samCookie = await sessionCookie(sam.id);
    const page = await run(invitationLoader, makeRequest(link.path, { cookie: samCookie }), { lang: "en" });
    expect(page.data).toMatchObject({ signedInAs: "invitee" });
    const accepted = await run(
      invitationAction,
      makeRequest(link.path, { cookie: samCookie, form: { token: link.token } }),
      { lang: "en" },
    );
    expect(accepted.status).toBe(302);
    expect(await rolesOf("sam@example.test", org.id)).toEqual(["learner", "supervisor"]);
  });
});

describe("re-sending a pending invitation", () => {
  async function setup() {
    const org = await createOrg("law_school");
    const { user: admin } = await createMember("org_admin", org.id);
    const cookie = await sessionCookie(admin.id);
    await db.cohort.create({
      data: {
        orgId: org.id,
        name: "Docentes",
        startsOn: new Date("2027-01-10"),
        endsOn: new Date("2027-06-30"),
        courses: { create: [{ courseId: "course-a", position: 0 }] },
      },
      select: { id: true },
    });
    await importFile(
      cookie,
      org.id,
      "name,email,language,role,cohort\n" +
        "Lucía Herrera,lucia@example.test,es,instructor,Docentes\n" +
        "Tom Reyes,tom@example.test,en,learner,Docentes\n",
    );
    const invitationOf = async (email: string) =>
      db.invitation.findFirstOrThrow({ where: { user: { email } }, select: { id: true } });
    return {
      org,
      admin,
      cookie,
      lucia: await invitationOf("lucia@example.test"),
      tom: await invitationOf("tom@example.test"),
    };
  }

  const membersPath = (orgId: string) => `/en/orgs/${orgId}/members`;

  it("lists pending invitations, sends a new link, retires the old one, audits, and refuses a second click for a while", async () => {
    const { org, admin, cookie, lucia } = await setup();
    await drainOutbox({ perMinute: 100 });
    const first = await invitationLink("lucia@example.test");

    const page = await run(membersLoader, makeRequest(membersPath(org.id), { cookie }), { lang: "en", orgId: org.id });
    const listed = (page.data as { invitations: { total: number; rows: { id: string; expired: boolean }[] } })
      .invitations;
    expect(listed.total).toBe(2);
    expect(listed.rows.find((r) => r.id === lucia.id)).toMatchObject({ expired: false });

    const mailsBefore = (await sentMails()).length;
    const resent = await run(
      membersAction,
      makeRequest(membersPath(org.id), { cookie, form: { intent: "resendInvitation", invitationId: lucia.id } }),
      { lang: "en", orgId: org.id },
    );
    expect(resent.status).toBe(302);
    expect(resent.location).toContain("done=invitationResent");
    expect((await sentMails()).length).toBe(mailsBefore + 1);
    const second = await invitationLink("lucia@example.test");
    expect(second.token).not.toBe(first.token);
    expect(second.lang).toBe("es");
    // The old link no longer opens the invitation; the new one does.
    expect((await run(invitationLoader, makeRequest(first.path), { lang: "es" })).status).toBe(400);
    expect((await run(invitationLoader, makeRequest(second.path), { lang: "es" })).data).toMatchObject({ valid: true });
    const audit = await db.auditEvent.findMany({
      where: { action: "invitation.resent" },
      select: { actorId: true, data: true },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin.id);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ orgId: org.id, invitationId: lucia.id });

    // A second click at once: refused with a translated reason, nothing sent.
    const again = await run(
      membersAction,
      makeRequest(`/es/orgs/${org.id}/members`, {
        cookie,
        form: { intent: "resendInvitation", invitationId: lucia.id },
      }),
      { lang: "es", orgId: org.id },
    );
    expect(again.status).toBe(429);
    expect((again.data as { message: string }).message).toMatch(/^Esta invitación se envió hace unos minutos/);
    expect((await sentMails()).length).toBe(mailsBefore + 1);

    // The new link leads to the role.
    const accepted = await run(
      invitationAction,
      makeRequest(second.path, { form: { token: second.token, password: "una contraseña larga y segura" } }),
      { lang: "es" },
    );
    expect(accepted.status).toBe(302);
    expect(await rolesOf("lucia@example.test", org.id)).toEqual(["instructor", "learner"]);
    // Accepted: no longer pending, and cannot be re-sent.
    const after = await run(membersLoader, makeRequest(membersPath(org.id), { cookie }), { lang: "en", orgId: org.id });
    expect((after.data as { invitations: { total: number } }).invitations.total).toBe(1);
    const late = await run(
      membersAction,
      makeRequest(membersPath(org.id), { cookie, form: { intent: "resendInvitation", invitationId: lucia.id } }),
      { lang: "en", orgId: org.id },
    );
    expect(late.status).toBe(404);
  });

  it("reopens an expired invitation, and drops a copy still waiting in the import's queue", async () => {
    const { org, cookie, tom } = await setup();
    await db.invitation.update({ where: { id: tom.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const page = await run(membersLoader, makeRequest(membersPath(org.id), { cookie }), { lang: "en", orgId: org.id });
    const rows = (page.data as { invitations: { rows: { id: string; expired: boolean }[] } }).invitations.rows;
    expect(rows.find((r) => r.id === tom.id)).toMatchObject({ expired: true });

    const resent = await run(
      membersAction,
      makeRequest(membersPath(org.id), { cookie, form: { intent: "resendInvitation", invitationId: tom.id } }),
      { lang: "en", orgId: org.id },
    );
    expect(resent.status).toBe(302);
    const link = await invitationLink("tom@example.test");
    expect((await run(invitationLoader, makeRequest(link.path), { lang: "en" })).data).toMatchObject({ valid: true });
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: tom.id }, select: { expiresAt: true } });
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // The import's queued copy is not sent on top of it.
    const queued = await db.mailOutbox.findFirstOrThrow({ where: { invitationId: tom.id }, select: { sentAt: true } });
    expect(queued.sentAt).not.toBeNull();
    await drainOutbox({ perMinute: 100 });
    expect((await sentMails()).filter((m) => m.to.includes("tom@example.test"))).toHaveLength(1);
  });

  it("another organization's invitation is not found, from its own page or the other's, and nothing is sent", async () => {
    const { org, tom } = await setup();
    const other = await createOrg("bar_association");
    const { user: otherAdmin } = await createMember("org_admin", other.id);
    const otherCookie = await sessionCookie(otherAdmin.id);
    const viaOwn = await run(
      membersAction,
      makeRequest(membersPath(other.id), {
        cookie: otherCookie,
        form: { intent: "resendInvitation", invitationId: tom.id },
      }),
      { lang: "en", orgId: other.id },
    );
    expect(viaOwn.status).toBe(404);
    const viaTheirs = await run(
      membersAction,
      makeRequest(membersPath(org.id), {
        cookie: otherCookie,
        form: { intent: "resendInvitation", invitationId: tom.id },
      }),
      { lang: "en", orgId: org.id },
    );
    expect(viaTheirs.status).toBe(404);
    const learner = await createMember("learner", org.id);
    const asLearner = await run(
      membersAction,
      makeRequest(membersPath(org.id), {
        cookie: await sessionCookie(learner.user.id),
        form: { intent: "resendInvitation", invitationId: tom.id },
      }),
      { lang: "en", orgId: org.id },
    );
    expect(asLearner.status).toBe(403);
    expect(await sentMails()).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "invitation.resent" } })).toBe(0);
  });
});
