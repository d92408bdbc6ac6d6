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
