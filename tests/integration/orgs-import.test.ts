// Bulk enrolment from CSV: upload → dry run → apply in batches as a job → re-run changes
// nothing; every class of bad input; both encodings Excel writes; a job interrupted between
// batches (and a process killed mid-run) resumes; another organization's job is a 404.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import {
  drainOutbox,
  importJobSettled,
  planImport,
  reportCsv,
  resumeImportJobs,
  runImportJob,
} from "~/modules/orgs/index.server.ts";
import { action as jobAction, loader as jobLoader } from "~/routes/$lang.orgs.import.$jobId._index/route.tsx";
import { loader as reportLoader } from "~/routes/$lang.orgs.import.$jobId.report/route.ts";
import { action as uploadAction, loader as uploadLoader } from "~/routes/$lang.orgs.import._index/route.tsx";
import { bodyLimitFor } from "../../server/guards.mjs";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run, sentMails } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const COURSES = ["course-a", "course-b"];

async function cohort(orgId: string, name: string, archived = false) {
  return db.cohort.create({
    data: {
      orgId,
      name,
      startsOn: new Date("2027-01-10"),
      endsOn: new Date("2027-06-30"),
      archivedAt: archived ? new Date() : null,
      courses: { create: COURSES.map((courseId, position) => ({ courseId, position })) },
    },
    select: { id: true, name: true },
  });
}

/** Two organizations with an admin and a group each; in A a member already in the group. */
async function world() {
  const a = await createOrg("law_school");
  const b = await createOrg("bar_association");
  const adminA = (await createMember("org_admin", a.id)).user;
  const adminB = (await createMember("org_admin", b.id)).user;
  const spring = await cohort(a.id, "Primavera 2027");
  const old = await cohort(a.id, "Otoño 2025", true);
  const other = await cohort(b.id, "Grupo B");
  const member = await createUser({ email: "ana@example.test", name: "Ana Ruiz", language: "es" });
  const { grantRole } = await import("~/modules/orgs/index.server.ts");
  await grantRole(null, member.id, a.id, "learner");
  await db.cohortMember.create({ data: { cohortId: spring.id, userId: member.id, orgId: a.id } });
  await db.enrolment.createMany({ data: COURSES.map((courseId) => ({ userId: member.id, courseId })) });
  const outsider = await createUser({ email: "bob@example.test", name: "Bob Stone", language: "en" });
  return {
    a,
    b,
    adminA,
    adminB,
    spring,
    old,
    other,
    member,
    outsider,
    cookieA: await sessionCookie(adminA.id),
    cookieB: await sessionCookie(adminB.id),
  };
}

function uploadRequest(
  cookie: string,
  orgId: string,
  bytes: Uint8Array | string,
  fileName = "roster.csv",
  lang = "en",
) {
  const form = new FormData();
  form.set("org", orgId);
  const body = new Uint8Array(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
  form.set("file", new File([body], fileName, { type: "text/csv" }));
  return new Request(`http://localhost:3000/${lang}/orgs/import?index`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
}

async function upload(cookie: string, orgId: string, bytes: Uint8Array | string, fileName?: string) {
  const result = await run(uploadAction, uploadRequest(cookie, orgId, bytes, fileName), { lang: "en" });
  const jobId = result.location?.split("/").pop() ?? null;
  return { ...result, jobId };
}

async function rowsOf(jobId: string) {
  return db.importRow.findMany({
    where: { jobId },
    select: { line: true, name: true, plan: true, reason: true, notes: true, outcome: true, appliedAt: true },
    orderBy: { line: "asc" },
  });
}

/** Everything an import may write, counted. */
async function snapshot() {
  const [users, memberships, roles, cohortMembers, enrolments, invitations, outbox] = await Promise.all([
    db.user.count(),
    db.membership.count(),
    db.membershipRole.count(),
    db.cohortMember.count({ where: { removedAt: null } }),
    db.enrolment.count(),
    db.invitation.count(),
    db.mailOutbox.count(),
  ]);
  return { users, memberships, roles, cohortMembers, enrolments, invitations, outbox };
}

const HEADER = "name,email,language,role,cohort\n";

function mainFile(springName: string) {
  return (
    HEADER +
    [
      `Carla Méndez,carla@example.test,es,learner,${springName}`, // 2 new learner
      `Dan Wu,dan@example.test,en,instructor,${springName}`, // 3 new, staff role by invitation
      `Ana Ruiz,ana@example.test,es,learner,${springName}`, // 4 already a member
      `Bob Stone,bob@example.test,en,supervisor,${springName}`, // 5 existing account, joins
      `Ana R.,ANA@example.test,en,learner,${springName}`, // 6 conflicts with line 4
      `Eve,not-an-email,en,learner,${springName}`, // 7
      `Fay,fay@example.test,fr,learner,${springName}`, // 8
      `Gil,gil@example.test,en,janitor,${springName}`, // 9
      `Hal,hal@example.test,en,learner,No such group`, // 10
      `Ivy,ivy@example.test,en,learner,Otoño 2025`, // 11 archived
      `Carla Méndez,carla@example.test,es,learner,${springName}`, // 12 duplicate of 2
      `"=HYPERLINK(""http://evil.example"",""click"")",jo@example.test,en,learner,${springName}`, // 13
      `,kim@example.test,en,learner,${springName}`, // 14 no name
    ].join("\n") +
    "\n"
  );
}

describe("CSV import: dry run, apply, re-run", () => {
  it("reports every row, writes nothing until confirmed, applies, and a re-run changes nothing", async () => {
    const w = await world();
    const before = await snapshot();
    const first = await upload(w.cookieA, w.a.id, mainFile(w.spring.name));
    expect(first.status).toBe(302);
    const jobId = first.jobId!;
    const planned = await rowsOf(jobId);
    const byLine = Object.fromEntries(planned.map((r) => [r.line, r]));
    expect(planned.map((r) => [r.line, r.plan, r.reason])).toEqual([
      [2, "new", null],
      [3, "new", null],
      [4, "member", null],
      [5, "change", null],
      [6, "error", "conflictingRow"],
      [7, "error", "emailInvalid"],
      [8, "error", "languageInvalid"],
      [9, "error", "roleInvalid"],
      [10, "error", "cohortUnknown"],
      [11, "error", "cohortArchived"],
      [12, "error", "duplicateRow"],
      [13, "new", null],
      [14, "error", "nameMissing"],
    ]);
    expect(JSON.parse(byLine[3]!.notes)).toContainEqual({ code: "invitesRole", role: "instructor" });
    expect(JSON.parse(byLine[5]!.notes).map((n: { code: string }) => n.code)).toEqual([
      "joinsOrg",
      "joinsCohort",
      "enrolsCourses",
      "invitesRole",
    ]);
    // The formula is kept as text, exactly as written.
    expect(byLine[13]!.name).toBe('=HYPERLINK("http://evil.example","click")');
    // The dry run wrote only the job and its rows.
    expect(await snapshot()).toEqual(before);

    // The report page, in Spanish, for the admin of A.
    const page = await run(jobLoader, makeRequest(`/es/orgs/import/${jobId}`, { cookie: w.cookieA }), {
      lang: "es",
      jobId,
    });
    expect(page.status).toBe(200);
    const data = page.data as { job: { status: string }; report: { rows: unknown[] }; refresh: boolean };
    expect(data.job.status).toBe("planned");
    expect(data.report.rows).toHaveLength(13);
    expect(data.refresh).toBe(false);

    // Confirm → applied in the background; the page shows progress.
    const confirm = await run(
      jobAction,
      makeRequest(`/en/orgs/import/${jobId}`, { cookie: w.cookieA, form: { intent: "confirm" } }),
      { lang: "en", jobId },
    );
    expect(confirm.status).toBe(302);
    await importJobSettled(jobId);
    const job = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true, batches: true },
    });
    expect(job).toEqual({ status: "finished", appliedRows: 5, batches: 1 });
    const applied = await rowsOf(jobId);
    expect(applied.filter((r) => r.appliedAt).map((r) => [r.line, r.outcome])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "member"],
      [5, "change"],
      [13, "new"],
    ]);
    expect(applied.filter((r) => r.plan === "error").every((r) => r.appliedAt === null)).toBe(true);

    // New accounts: no usable password, unverified, in the file's language.
    const carla = await db.user.findUniqueOrThrow({
      where: { email: "carla@example.test" },
      select: { id: true, name: true, language: true, passwordHash: true, emailVerifiedAt: true },
    });
    expect(carla).toMatchObject({ name: "Carla Méndez", language: "es", emailVerifiedAt: null });
    expect(carla.passwordHash.startsWith("disabled:")).toBe(true);
    // Everyone joined the group as a learner, enrolled in its courses.
    for (const email of ["carla@example.test", "dan@example.test", "bob@example.test", "jo@example.test"]) {
      const u = await db.user.findUniqueOrThrow({
        where: { email },
        select: {
          memberships: { where: { orgId: w.a.id }, select: { roles: { select: { role: true } } } },
          cohortMembers: { select: { cohortId: true, orgId: true } },
          enrolments: { select: { courseId: true }, orderBy: { courseId: "asc" } },
        },
      });
      expect(
        u.memberships[0]!.roles.map((r) => r.role),
        email,
      ).toEqual(["learner"]);
      expect(u.cohortMembers, email).toEqual([{ cohortId: w.spring.id, orgId: w.a.id }]);
      expect(
        u.enrolments.map((e) => e.courseId),
        email,
      ).toEqual(COURSES);
    }
    // Staff roles wait for the invitation to be followed.
    const invitations = await db.invitation.findMany({
      where: { orgId: w.a.id },
      select: { role: true, user: { select: { email: true } }, acceptedAt: true, invitedById: true },
      orderBy: { user: { email: "asc" } },
    });
    expect(invitations.map((i) => [i.user.email, i.role, i.acceptedAt, i.invitedById])).toEqual([
      ["bob@example.test", "supervisor", null, w.adminA.id],
      ["carla@example.test", "learner", null, w.adminA.id],
      ["dan@example.test", "instructor", null, w.adminA.id],
      ["jo@example.test", "learner", null, w.adminA.id],
    ]);
    // The existing member's account-wide fields are untouched.
    const ana = await db.user.findUniqueOrThrow({ where: { id: w.member.id }, select: { name: true, language: true } });
    expect(ana).toEqual({ name: "Ana Ruiz", language: "es" });
    // Audited with ids only.
    const audit = await db.auditEvent.findMany({ select: { action: true, data: true }, orderBy: { seq: "asc" } });
    const importEvents = audit.filter((e) => e.action.startsWith("org.import"));
    expect(importEvents.map((e) => e.action)).toEqual([
      "org.import.confirmed",
      "org.import.batch",
      "org.import.finished",
    ]);
    expect(JSON.parse(importEvents[1]!.data)).toMatchObject({ jobId, rows: 5, accountsCreated: 3, invitations: 4 });
    expect(importEvents.map((e) => e.data).join()).not.toMatch(/example\.test|Carla/);

    // The same file again: nothing to do, and applying it changes nothing.
    const after = await snapshot();
    const second = await upload(w.cookieA, w.a.id, mainFile(w.spring.name));
    const again = await rowsOf(second.jobId!);
    expect(again.filter((r) => r.plan !== "error").map((r) => [r.line, r.plan])).toEqual([
      [2, "member"],
      [3, "member"],
      [4, "member"],
      [5, "member"],
      [13, "member"],
    ]);
    expect(JSON.parse(again.find((r) => r.line === 3)!.notes)).toContainEqual({
      code: "alreadyInvited",
      role: "instructor",
    });
    await run(
      jobAction,
      makeRequest(`/en/orgs/import/${second.jobId}`, { cookie: w.cookieA, form: { intent: "confirm" } }),
      { lang: "en", jobId: second.jobId! },
    );
    await importJobSettled(second.jobId!);
    expect((await rowsOf(second.jobId!)).filter((r) => r.appliedAt).every((r) => r.outcome === "member")).toBe(true);
    expect(await snapshot()).toEqual(after);
  });

  it("never changes an existing person's name, email or language; it reports the difference", async () => {
    const w = await world();
    const { jobId } = await upload(
      w.cookieA,
      w.a.id,
      HEADER + `Ana María Ruiz,ana@example.test,en,learner,${w.spring.id}\n`,
    );
    const [row] = await rowsOf(jobId!);
    expect(row!.plan).toBe("member");
    expect(JSON.parse(row!.notes).map((n: { code: string }) => n.code)).toEqual(["nameDiffers", "languageDiffers"]);
    await db.importJob.update({ where: { id: jobId! }, data: { status: "running" } });
    await runImportJob(jobId!);
    const ana = await db.user.findUniqueOrThrow({
      where: { id: w.member.id },
      select: { name: true, language: true, email: true },
    });
    expect(ana).toEqual({ name: "Ana Ruiz", language: "es", email: "ana@example.test" });
  });

  it("sends invitations through the outbox at the configured pace, in each person's language", async () => {
    const w = await world();
    const rows = Array.from(
      { length: 7 },
      (_, i) => `Persona ${i},p${i}@example.test,${i % 2 ? "en" : "es"},learner,${w.spring.name}`,
    );
    const { jobId } = await upload(w.cookieA, w.a.id, HEADER + rows.join("\n"));
    await run(jobAction, makeRequest(`/en/orgs/import/${jobId}`, { cookie: w.cookieA, form: { intent: "confirm" } }), {
      lang: "en",
      jobId: jobId!,
    });
    await importJobSettled(jobId!);
    expect(await db.mailOutbox.count({ where: { jobId, sentAt: null } })).toBe(7);
    // 3 a minute, one tick of 20 s: one message per tick; the minute's budget holds across ticks.
    const t0 = new Date();
    expect((await drainOutbox({ perMinute: 3, tickMs: 20_000, now: t0 })).sent).toBe(1);
    expect((await drainOutbox({ perMinute: 3, tickMs: 60_000, now: new Date(t0.getTime() + 1000) })).sent).toBe(2);
    expect((await drainOutbox({ perMinute: 3, tickMs: 60_000, now: new Date(t0.getTime() + 2000) })).sent).toBe(0);
    const later = new Date(Date.now() + 120_000);
    expect((await drainOutbox({ perMinute: 100, tickMs: 60_000, now: later })).sent).toBe(4);
    const mails = await sentMails();
    expect(mails).toHaveLength(7);
    const es = mails.find((m) => m.to.includes("p0@example.test"))!;
    expect(es.language).toBe("es");
    expect(es.subject).toContain("Su invitación a");
    expect(es.text).toMatch(/\/es\/invitation\?token=[A-Za-z0-9_-]{40,}/);
    const en = mails.find((m) => m.to.includes("p1@example.test"))!;
    expect(en.subject).toContain("Your invitation to");
    // Each link's token is stored hashed, pointing at its invitation.
    const tokens = await db.emailToken.findMany({
      where: { purpose: "org-invitation" },
      select: { ref: true, tokenHash: true },
    });
    expect(tokens).toHaveLength(7);
    expect(tokens.every((t) => /^invitation:/.test(t.ref ?? "") && t.tokenHash.length === 64)).toBe(true);
    expect(es.text).not.toContain(tokens[0]!.tokenHash);
  });
});

describe("CSV import: encodings and delimiters", () => {
  it("reads UTF-8 with a byte-order mark", async () => {
    const w = await world();
    const text = HEADER + `José Núñez,jose@example.test,es,learner,${w.spring.name}\n`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const { jobId } = await upload(w.cookieA, w.a.id, bytes);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId! }, select: { encoding: true } });
    expect(job.encoding).toBe("utf-8-bom");
    const [row] = await rowsOf(jobId!);
    expect([row!.name, row!.plan]).toEqual(["José Núñez", "new"]);
  });

  it("reads Windows-1252 from Excel, semicolon-separated, with Spanish headers and group names", async () => {
    const w = await world();
    // Excel's ANSI code page: ñ and í as Latin-1, curly quotes as 0x93/0x94 (Windows-1252 only).
    const latin1 = (s: string) => Buffer.from(s, "latin1");
    const bytes = new Uint8Array(
      Buffer.concat([
        latin1("Nombre;Correo electrónico;Idioma;Rol;Grupo\r\nMaría "),
        Buffer.from([0x93]),
        latin1("Mary"),
        Buffer.from([0x94]),
        latin1(" Peña;maria@example.test;Español;Participante;PRIMAVERA 2027\r\n"),
      ]),
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const { jobId } = await upload(w.cookieA, w.a.id, bytes);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId! }, select: { encoding: true } });
    expect(job.encoding).toBe("windows-1252");
    const [row] = await rowsOf(jobId!);
    expect([row!.name, row!.plan, row!.reason]).toEqual(["María \u201cMary\u201d Peña", "new", null]);
  });
});

describe("CSV import: files refused whole", () => {
  const cases: [string, Uint8Array | string, string, number][] = [
    ["missing columns", "name,email,role\nA,a@example.test,learner\n", "missingColumns", 400],
    [
      "unknown columns",
      "name,email,language,role,cohort,salary\nA,a@example.test,en,learner,x,1\n",
      "unknownColumns",
      400,
    ],
    ["duplicate columns", "name,email,language,role,cohort,nombre\n", "duplicateColumns", 400],
    ["empty file", "", "empty", 400],
    ["header only", HEADER, "noRows", 400],
    ["unclosed quote", HEADER + 'A,"a@example.test,en,learner,x\n', "malformed", 400],
    ["an Excel workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "spreadsheet", 400],
    ["binary bytes", new Uint8Array([0x6e, 0x61, 0x00, 0x01, 0x02]), "notText", 400],
    ["a byte-order mark over bad bytes", new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd]), "badEncoding", 400],
  ];
  it.each(cases)("%s", async (_name, bytes, error, status) => {
    const w = await world();
    const before = await snapshot();
    const result = await upload(w.cookieA, w.a.id, bytes);
    expect(result.status).toBe(status);
    expect((result.data as { error: string }).error).toBe(error);
    expect(await db.importJob.count()).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("a file over 20 MB is refused whole: by the server before the action, and by the action itself", async () => {
    expect(bodyLimitFor("/en/orgs/import").bytes).toBe(20 * 1024 * 1024);
    expect(bodyLimitFor("/es/orgs/import.data").bytes).toBe(20 * 1024 * 1024);
    expect(bodyLimitFor("/en/orgs/import/abc").bytes).toBe(1024 * 1024);
    const w = await world();
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const result = await upload(w.cookieA, w.a.id, big);
    expect(result.status).toBe(413);
    expect((result.data as { error: string }).error).toBe("tooLarge");
    expect(await db.importJob.count()).toBe(0);
  });

  it("a form without a file is refused", async () => {
    const w = await world();
    const form = new FormData();
    form.set("org", w.a.id);
    const request = new Request("http://localhost:3000/en/orgs/import?index", {
      method: "POST",
      headers: { Cookie: w.cookieA },
      body: form,
    });
    const result = await run(uploadAction, request, { lang: "en" });
    expect([result.status, (result.data as { error: string }).error]).toEqual([400, "noFile"]);
    expect(await db.importJob.count()).toBe(0);
  });

  it("the refusal is translated for the page", async () => {
    const { orgImport: en } = await import("~/modules/i18n/resources/en/orgImport.ts");
    const { orgImport: es } = await import("~/modules/i18n/resources/es/orgImport.ts");
    expect(Object.keys(es.fileErrors)).toEqual(Object.keys(en.fileErrors));
    expect(es.fileErrors.tooLarge).toMatch(/20 MB/);
  });
});

describe("CSV import: the report CSV escapes formulas", () => {
  it("prefixes a formula with an apostrophe and starts with a byte-order mark", async () => {
    const w = await world();
    const { jobId } = await upload(
      w.cookieA,
      w.a.id,
      HEADER +
        `"=HYPERLINK(""http://evil.example"",""x"")",jo@example.test,en,learner,${w.spring.name}\n+1 Cell,@x,en,learner,-y\n`,
    );
    const csv = await reportCsv(jobId!, "es");
    expect(csv.startsWith("\uFEFFLínea,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'+1 Cell,'@x");
    expect(csv).toContain(",'-y,");
    expect(csv).not.toMatch(/(^|[\n,])=HYPERLINK/);
    const response = await run(reportLoader, makeRequest(`/es/orgs/import/${jobId}/report`, { cookie: w.cookieA }), {
      lang: "es",
      jobId: jobId!,
    });
    expect(response.status).toBe(200);
  });
});

describe("CSV import: interrupted jobs resume", () => {
  it("a job stopped between batches resumes from the first row not applied, applying each row once", async () => {
    const w = await world();
    const rows = Array.from({ length: 9 }, (_, i) => `P ${i},r${i}@example.test,en,learner,${w.spring.name}`);
    const planned = await planImport({
      orgId: w.a.id,
      actorId: w.adminA.id,
      fileName: "r.csv",
      bytes: new TextEncoder().encode(HEADER + rows.join("\n")),
    });
    const jobId = (planned as { jobId: string }).jobId;
    await db.importJob.update({ where: { id: jobId }, data: { status: "running" } });
    // A crash after the second batch: the job stays running, with its lease.
    await runImportJob(jobId, { batchSize: 2, stopAfterBatches: 2 });
    let job = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true, leaseUntil: true },
    });
    expect([job.status, job.appliedRows]).toEqual(["running", 4]);
    expect((await rowsOf(jobId)).filter((r) => r.appliedAt).map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(await db.user.count({ where: { email: { startsWith: "r" } } })).toBe(4);
    // While the lease lives nobody else takes it; once it has run out, a sweep does.
    expect(await resumeImportJobs({ batchSize: 2 })).toBe(0);
    await db.importJob.update({ where: { id: jobId }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await resumeImportJobs({ batchSize: 2 })).toBe(1);
    job = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true, leaseUntil: true },
    });
    expect([job.status, job.appliedRows, job.leaseUntil]).toEqual(["finished", 9, null]);
    expect(await db.user.count({ where: { email: { startsWith: "r" } } })).toBe(9);
    expect(await db.cohortMember.count({ where: { cohortId: w.spring.id } })).toBe(10);
    expect(await db.invitation.count()).toBe(9);
    const batches = await db.auditEvent.count({ where: { action: "org.import.batch" } });
    expect(batches).toBe(5);
  });

  it("opening the page of a stalled job resumes it", async () => {
    const w = await world();
    const planned = await planImport({
      orgId: w.a.id,
      actorId: w.adminA.id,
      fileName: "r.csv",
      bytes: new TextEncoder().encode(HEADER + `Q,q@example.test,en,learner,${w.spring.name}\n`),
    });
    const jobId = (planned as { jobId: string }).jobId;
    await db.importJob.update({
      where: { id: jobId },
      data: { status: "running", leaseUntil: new Date(Date.now() - 1000) },
    });
    const page = await run(jobLoader, makeRequest(`/en/orgs/import/${jobId}`, { cookie: w.cookieA }), {
      lang: "en",
      jobId,
    });
    expect((page.data as { refresh: boolean }).refresh).toBe(true);
    await importJobSettled(jobId);
    expect((await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } })).status).toBe(
      "finished",
    );
  });

  it("a process killed mid-run leaves whole batches only, and the job resumes", async () => {
    const w = await world();
    const rows = Array.from({ length: 400 }, (_, i) => `K ${i},k${i}@example.test,en,learner,${w.spring.name}`);
    const planned = await planImport({
      orgId: w.a.id,
      actorId: w.adminA.id,
      fileName: "k.csv",
      bytes: new TextEncoder().encode(HEADER + rows.join("\n")),
    });
    const jobId = (planned as { jobId: string }).jobId;
    await db.importJob.update({ where: { id: jobId }, data: { status: "running" } });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(__dirname, "workers/import-worker.ts"), jobId],
      {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    // Kill it as soon as it reports its first committed batch.
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("batch")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    await new Promise((resolve) => child.once("exit", resolve).once("close", resolve));
    const mid = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true, batches: true },
    });
    expect(mid.status).toBe("running");
    expect(mid.appliedRows).toBeGreaterThan(0);
    expect(mid.appliedRows).toBeLessThan(400);
    // Rows marked applied are exactly the accounts created: whole batches, nothing half-way.
    expect(mid.appliedRows % 10).toBe(0);
    expect(await db.user.count({ where: { email: { startsWith: "k" } } })).toBe(mid.appliedRows);
    await db.importJob.update({ where: { id: jobId }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    await resumeImportJobs({ batchSize: 10 });
    const done = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true },
    });
    expect(done).toEqual({ status: "finished", appliedRows: 400 });
    expect(await db.user.count({ where: { email: { startsWith: "k" } } })).toBe(400);
    expect(await db.enrolment.count({ where: { user: { email: { startsWith: "k" } } } })).toBe(800);
  });
});

describe("CSV import: organization isolation and permission", () => {
  it("another organization's job answers 404 everywhere, and nothing is written", async () => {
    const w = await world();
    const { jobId } = await upload(w.cookieA, w.a.id, HEADER + `Z,z@example.test,en,learner,${w.spring.name}\n`);
    const page = await run(jobLoader, makeRequest(`/en/orgs/import/${jobId}`, { cookie: w.cookieB }), {
      lang: "en",
      jobId: jobId!,
    });
    expect(page.status).toBe(404);
    for (const intent of ["confirm", "discard"]) {
      const post = await run(
        jobAction,
        makeRequest(`/en/orgs/import/${jobId}`, { cookie: w.cookieB, form: { intent } }),
        { lang: "en", jobId: jobId! },
      );
      expect(post.status).toBe(404);
    }
    const report = await run(reportLoader, makeRequest(`/en/orgs/import/${jobId}/report`, { cookie: w.cookieB }), {
      lang: "en",
      jobId: jobId!,
    });
    expect(report.status).toBe(404);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId! }, select: { status: true } });
    expect(job.status).toBe("planned");
    expect(await db.user.count({ where: { email: "z@example.test" } })).toBe(0);
    // Uploading into A from B's admin, or opening A's upload page: 404, no job.
    const into = await upload(w.cookieB, w.a.id, HEADER + `Y,y@example.test,en,learner,${w.spring.name}\n`);
    expect(into.status).toBe(404);
    expect(await db.importJob.count()).toBe(1);
    const uploadPage = await run(uploadLoader, makeRequest(`/en/orgs/import?org=${w.a.id}`, { cookie: w.cookieB }), {
      lang: "en",
    });
    expect(uploadPage.status).toBe(404);
    // B's cohort named in A's file is unknown to A.
    const cross = await upload(w.cookieA, w.a.id, HEADER + `X,x@example.test,en,learner,${w.other.id}\n`);
    expect((await rowsOf(cross.jobId!))[0]!.reason).toBe("cohortUnknown");
  });

  it("a learner, or someone signed out, cannot import", async () => {
    const w = await world();
    const learner = await sessionCookie(w.member.id);
    const asLearner = await upload(learner, w.a.id, HEADER);
    expect(asLearner.status).toBe(403);
    const signedOut = await run(uploadLoader, makeRequest("/en/orgs/import"), { lang: "en" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/\/en\/login/);
  });
});

describe("CSV import: a partner organization enrols its own people in a joint cohort", () => {
  async function confirmAndApply(cookie: string, jobId: string) {
    const confirm = await run(
      jobAction,
      makeRequest(`/en/orgs/import/${jobId}`, { cookie, form: { intent: "confirm" } }),
      { lang: "en", jobId },
    );
    expect(confirm.status).toBe(302);
    await importJobSettled(jobId);
  }

  it("joins them through the partner, never touches the owner's people, and only accepted partnerships count", async () => {
    const w = await world();
    await db.cohortPartner.create({
      data: { cohortId: w.spring.id, orgId: w.b.id, status: "accepted", respondedAt: new Date() },
    });
    // Invited but not accepted: not the partner's to import into.
    const pending = await cohort(w.a.id, "Invierno 2027");
    await db.cohortPartner.create({ data: { cohortId: pending.id, orgId: w.b.id, status: "invited" } });
    const file =
      HEADER +
      [
        `Nuria Paz,nuria@example.test,es,learner,${w.spring.name}`, // 2 new, through B
        `Ana Ruiz,ana@example.test,es,learner,${w.spring.id}`, // 3 A's person, already in the cohort
        `Bob Stone,bob@example.test,en,learner,${w.spring.id}`, // 4 existing account, joins through B
        `Olga,olga@example.test,en,learner,Invierno 2027`, // 5 only invited
        `Pia,pia@example.test,en,learner,${w.other.name}`, // 6 B's own group still works
      ].join("\n") +
      "\n";
    const { jobId, status } = await upload(w.cookieB, w.b.id, file);
    expect(status).toBe(302);
    expect((await rowsOf(jobId!)).map((r) => [r.line, r.plan, r.reason])).toEqual([
      [2, "new", null],
      [3, "error", "inCohortOtherOrg"],
      [4, "change", null],
      [5, "error", "cohortUnknown"],
      [6, "new", null],
    ]);
    await confirmAndApply(w.cookieB, jobId!);
    const members = await db.cohortMember.findMany({
      where: { cohortId: w.spring.id },
      select: { user: { select: { email: true } }, orgId: true, removedAt: true },
      orderBy: { user: { email: "asc" } },
    });
    expect(members.map((m) => [m.user.email, m.orgId === w.b.id ? "B" : m.orgId === w.a.id ? "A" : "?"])).toEqual([
      ["ana@example.test", "A"],
      ["bob@example.test", "B"],
      ["nuria@example.test", "B"],
    ]);
    // Memberships were made in the partner only; the owner's person gained nothing.
    const nuria = await db.user.findUniqueOrThrow({
      where: { email: "nuria@example.test" },
      select: { memberships: { select: { orgId: true } } },
    });
    expect(nuria.memberships).toEqual([{ orgId: w.b.id }]);
    expect(await db.membership.count({ where: { userId: w.member.id, orgId: w.b.id } })).toBe(0);
    expect(await db.cohortMember.count({ where: { cohortId: pending.id } })).toBe(0);

    // The owner cannot pull the partner's people over either, and a person removed from
    // the owner's side who is imported by the partner comes back as the partner's.
    const owner = await upload(w.cookieA, w.a.id, HEADER + `Nuria Paz,nuria@example.test,es,learner,${w.spring.id}\n`);
    expect((await rowsOf(owner.jobId!))[0]!.reason).toBe("inCohortOtherOrg");
    await db.cohortMember.updateMany({ where: { userId: w.member.id }, data: { removedAt: new Date() } });
    const again = await upload(w.cookieB, w.b.id, HEADER + `Ana Ruiz,ana@example.test,es,learner,${w.spring.id}\n`);
    expect((await rowsOf(again.jobId!))[0]!.plan).toBe("change");
    await confirmAndApply(w.cookieB, again.jobId!);
    expect(
      await db.cohortMember.findFirstOrThrow({
        where: { cohortId: w.spring.id, userId: w.member.id },
        select: { orgId: true, removedAt: true },
      }),
    ).toEqual({ orgId: w.b.id, removedAt: null });
  });

  it("an organization that is not a partner finds the joint cohort unknown", async () => {
    const w = await world();
    const { jobId } = await upload(w.cookieB, w.b.id, HEADER + `Q,q@example.test,en,learner,${w.spring.id}\n`);
    expect((await rowsOf(jobId!))[0]!.reason).toBe("cohortUnknown");
  });
});

describe("CSV import: 10,000 rows", () => {
  it("plans and applies a 10,000-row file in under a minute", { timeout: 180_000 }, async () => {
    const w = await world();
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `Persona ${i},big${i}@example.test,${i % 2 ? "en" : "es"},learner,${w.spring.name}`,
    );
    const bytes = new TextEncoder().encode(HEADER + rows.join("\n"));
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const planned = await planImport({ orgId: w.a.id, actorId: w.adminA.id, fileName: "big.csv", bytes });
    const t1 = performance.now();
    const jobId = (planned as { jobId: string }).jobId;
    await db.importJob.update({ where: { id: jobId }, data: { status: "running" } });
    await runImportJob(jobId);
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    const job = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { status: true, appliedRows: true, batches: true },
    });
    expect(job).toEqual({ status: "finished", appliedRows: 10_000, batches: 20 });
    expect(await db.cohortMember.count({ where: { cohortId: w.spring.id } })).toBe(10_001);
    console.log(
      `import 10,000 rows on ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"}: ` +
        `dry run ${((t1 - t0) / 1000).toFixed(1)} s, apply ${((t2 - t1) / 1000).toFixed(1)} s ` +
        `(this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`,
    );
    expect(t2 - t0).toBeLessThan(60_000);
  });
});
