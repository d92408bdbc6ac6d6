// Joint cohorts and the progress table: the owner sees everyone's progress; a partner org
// admin sees its own people in full and the others' names and completion only (page and CSV).
// Also the table's figures, filters, sort and pages, and the export's escaping.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import * as orgPage from "~/routes/$lang.orgs.$orgId._index/route.tsx";
import * as cohortPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId._index/route.tsx";
import * as exportRoute from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.export/route.ts";
import * as personPage from "~/routes/$lang.orgs.$orgId.members.$userId/route.tsx";
import { createMember, createUser, resetDatabase } from "../helpers/factories.ts";
import { cohortOf, orgWithAdmin, writeCounts } from "../helpers/orgs.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

type Row = {
  userId: string;
  name: string;
  email: string | null;
  orgName: string;
  country: string;
  full: boolean;
  courses: {
    lessons: string;
    bestScore: string | null;
    attempts: number;
    completedAt: string | null;
    overdue: boolean;
  }[];
};
type CohortData = { progress: { total: number; pageCount: number; rows: Row[] }; cohort: { isOwner: boolean } };

async function post(
  action: Parameters<typeof run>[0],
  cookie: string,
  params: Record<string, string>,
  form: Record<string, string>,
) {
  return run(action, makeRequest("/en/x", { cookie, form }), { lang: "en", ...params });
}

async function jointWorld() {
  const us = await orgWithAdmin("us_agency");
  const mx = await orgWithAdmin("mx_agency");
  await db.organization.update({ where: { id: mx.orgId }, data: { country: "MX" } });
  const agentUs = (await createMember("learner", us.orgId)).user;
  const agentMx = (await createMember("learner", mx.orgId)).user;
  const cohortId = await cohortOf(us.orgId, us.admin.id, { name: "Joint", dueOn: new Date("2020-01-01T00:00:00Z") });
  return { us, mx, agentUs, agentMx, cohortId };
}

describe("joint cohorts", () => {
  it("the owner invites, the partner accepts and enrols its own people; each sees what the page says", async () => {
    const w = await jointWorld();
    const owner = { orgId: w.us.orgId, cohortId: w.cohortId };
    const partner = { orgId: w.mx.orgId, cohortId: w.cohortId };
    // Before accepting, the partner cannot open the cohort.
    expect(
      (await run(cohortPage.loader, makeRequest("/en/x", { cookie: w.mx.cookie }), { lang: "en", ...partner })).status,
    ).toBe(404);
    expect(
      (await post(cohortPage.action, w.us.cookie, owner, { intent: "invitePartner", orgId: w.mx.orgId })).status,
    ).toBe(302);
    const invitations = await run(orgPage.loader, makeRequest("/en/x", { cookie: w.mx.cookie }), {
      lang: "en",
      orgId: w.mx.orgId,
    });
    expect((invitations.data as { invitations: { cohortId: string }[] }).invitations.map((i) => i.cohortId)).toEqual([
      w.cohortId,
    ]);
    expect(
      (await post(orgPage.action, w.mx.cookie, { orgId: w.mx.orgId }, { intent: "accept", cohortId: w.cohortId }))
        .status,
    ).toBe(302);
    await post(cohortPage.action, w.us.cookie, owner, { intent: "addPeople", emails: w.agentUs.email });
    await post(cohortPage.action, w.mx.cookie, partner, { intent: "addPeople", emails: w.agentMx.email });
    // The partner cannot enrol the owner's people.
    const foreign = await post(cohortPage.action, w.mx.cookie, partner, {
      intent: "addPeople",
      emails: w.agentUs.email,
    });
    expect((foreign.data as { report: string[] }).report).toEqual([w.agentUs.email]);
    await db.lessonProgress.createMany({
      data: [w.agentUs.id, w.agentMx.id].map((userId) => ({
        userId,
        lessonId: "laundering-stages",
        contentVersion: "t",
      })),
    });

    const asOwner = (
      await run(cohortPage.loader, makeRequest("/en/x", { cookie: w.us.cookie }), { lang: "en", ...owner })
    ).data as CohortData;
    expect(asOwner.cohort.isOwner).toBe(true);
    expect(asOwner.progress.rows).toHaveLength(2);
    for (const row of asOwner.progress.rows) {
      expect(row.full).toBe(true);
      expect(row.email).not.toBeNull();
      expect(row.courses[0]!.lessons).toBe("1 / 2");
      expect(row.courses[0]!.overdue).toBe(true);
    }
    expect(asOwner.progress.rows.map((r) => r.country).sort()).toEqual(["MX", "US"]);

    const asPartner = (
      await run(cohortPage.loader, makeRequest("/en/x", { cookie: w.mx.cookie }), { lang: "en", ...partner })
    ).data as CohortData;
    expect(asPartner.cohort.isOwner).toBe(false);
    const own = asPartner.progress.rows.find((r) => r.userId === w.agentMx.id)!;
    const other = asPartner.progress.rows.find((r) => r.userId === w.agentUs.id)!;
    expect(own).toMatchObject({ full: true, email: w.agentMx.email });
    expect(own.courses[0]).toMatchObject({ lessons: "1 / 2", overdue: true });
    expect(other).toMatchObject({ full: false, email: null, name: w.agentUs.name, country: "US" });
    expect(other.courses[0]).toMatchObject({
      lessons: "0 / 0",
      bestScore: null,
      attempts: 0,
      overdue: false,
      completedAt: null,
    });

    // The partner's CSV: the other organization's person has name, organization and completion only.
    const response = (await exportRoute.loader({
      request: makeRequest("/en/x", { cookie: w.mx.cookie }),
      params: { lang: "en", ...partner },
      context: {},
    })) as Response;
    const body = await response.text();
    const lines = body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const otherLine = lines.find((l) => l.startsWith(w.agentUs.name))!;
    expect(otherLine).not.toContain(w.agentUs.email);
    expect(otherLine.split(",").slice(4, 8)).toEqual(["", "", "", ""]);
    expect(lines.find((l) => l.startsWith(w.agentMx.name))).toContain(w.agentMx.email);

    // Refused: the partner removing or opening the record of the owner's person.
    const before = await writeCounts();
    expect(
      (await post(cohortPage.action, w.mx.cookie, partner, { intent: "removePerson", userId: w.agentUs.id })).status,
    ).toBe(404);
    expect((await post(cohortPage.action, w.mx.cookie, partner, { intent: "archive" })).status).toBe(404);
    expect(
      (await post(cohortPage.action, w.mx.cookie, partner, { intent: "invitePartner", orgId: w.mx.orgId })).status,
    ).toBe(404);
    expect(await writeCounts()).toEqual(before);
    const person = await run(personPage.loader, makeRequest("/en/x", { cookie: w.mx.cookie }), {
      lang: "en",
      orgId: w.mx.orgId,
      userId: w.agentUs.id,
    });
    expect(person.status).toBe(404);
    // The owner may remove the partner's person; their records stay.
    expect(
      (await post(cohortPage.action, w.us.cookie, owner, { intent: "removePerson", userId: w.agentMx.id })).status,
    ).toBe(302);
    expect(await db.lessonProgress.count({ where: { userId: w.agentMx.id } })).toBe(1);
  });
});

describe("the progress table", () => {
  it("shows lessons, best score, attempts, completion and overdue; filters, sorts and pages in the URL", async () => {
    const org = await orgWithAdmin("law_school");
    const cohortId = await cohortOf(org.orgId, org.admin.id, { dueOn: new Date("2020-01-01T00:00:00Z") });
    const people = [];
    for (let i = 0; i < 55; i += 1) {
      const user = await createUser({ name: `Persona ${String(i).padStart(2, "0")}`, email: `p${i}@example.test` });
      await db.membership.create({
        data: { userId: user.id, orgId: org.orgId, roles: { create: { role: "learner" } } },
      });
      people.push(user);
    }
    await post(
      cohortPage.action,
      org.cookie,
      { orgId: org.orgId, cohortId },
      { intent: "addPeople", emails: people.map((p) => p.email).join("\n") },
    );
    const [done, trying] = [people[0]!, people[1]!];
    await db.enrolment.updateMany({
      where: { userId: done.id },
      data: { completedAt: new Date("2026-03-01T12:00:00Z") },
    });
    await db.lessonProgress.createMany({
      data: ["laundering-stages", "cash-reports"].map((lessonId) => ({
        userId: done.id,
        lessonId,
        contentVersion: "t",
      })),
    });
    for (const [number, percent] of [
      [1, 40],
      [2, 85.5],
    ] as const) {
      await db.quizAttempt.create({
        data: {
          userId: trying.id,
          quizId: "m1-basics-quiz",
          courseId: "aml-basics",
          number,
          lang: "en",
          contentVersion: "t",
          snapshot: "{}",
          status: "submitted",
          passMark: 70,
          maxPoints: 10,
          percent,
          passed: percent >= 70,
          submittedAt: new Date(),
        },
      });
    }
    const load = async (search: string) =>
      (
        await run(cohortPage.loader, makeRequest(`/en/x${search}`, { cookie: org.cookie }), {
          lang: "en",
          orgId: org.orgId,
          cohortId,
        })
      ).data as CohortData;
    const first = await load("");
    expect(first.progress).toMatchObject({ total: 55, pageCount: 2 });
    expect(first.progress.rows).toHaveLength(50);
    expect(first.progress.rows[0]!.name).toBe("Persona 00");
    expect(first.progress.rows[0]!.courses[0]).toMatchObject({
      lessons: "2 / 2",
      overdue: false,
      completedAt: "March 1, 2026",
    });
    expect(first.progress.rows[1]!.courses[0]).toMatchObject({ bestScore: "85.5%", attempts: 2, overdue: true });
    expect((await load("?page=2")).progress.rows).toHaveLength(5);
    expect((await load("?sort=name&dir=desc")).progress.rows[0]!.name).toBe("Persona 54");
    expect((await load("?status=complete")).progress.rows.map((r) => r.name)).toEqual(["Persona 00"]);
    expect((await load("?status=overdue")).progress.total).toBe(54);
    expect((await load("?q=persona%2012")).progress.rows.map((r) => r.name)).toEqual(["Persona 12"]);
    // A nonsense query string falls back to the defaults instead of failing.
    expect((await load("?page=-3&sort=evil&status=%27")).progress.total).toBe(55);
  });

  it("sorts by progress in the database (completed, then lessons done, then name), with filters and pages, both ways", async () => {
    const w = await jointWorld();
    await db.cohortPartner.create({ data: { cohortId: w.cohortId, orgId: w.mx.orgId, status: "accepted" } });
    const people: { id: string; name: string }[] = [];
    // Ten people of each side; lessons done 0, 1 or 2, two have completed the course.
    for (let i = 0; i < 20; i += 1) {
      const side = i % 2 === 0 ? w.us : w.mx;
      const user = await createUser({ name: `P${String(i).padStart(2, "0")}`, email: `s${i}@example.test` });
      await db.membership.create({
        data: { userId: user.id, orgId: side.orgId, roles: { create: { role: "learner" } } },
      });
      await db.cohortMember.create({ data: { cohortId: w.cohortId, userId: user.id, orgId: side.orgId } });
      await db.enrolment.create({
        data: {
          userId: user.id,
          courseId: "aml-basics",
          completedAt: i === 7 || i === 12 ? new Date("2026-03-01T12:00:00Z") : null,
        },
      });
      const lessons = i === 7 || i === 12 ? 2 : i % 3;
      await db.lessonProgress.createMany({
        data: ["laundering-stages", "cash-reports"]
          .slice(0, lessons)
          .map((lessonId) => ({ userId: user.id, lessonId, contentVersion: "t" })),
      });
      people.push(user);
    }
    // Progress in another course does not count.
    await db.lessonProgress.create({ data: { userId: people[0]!.id, lessonId: "elsewhere", contentVersion: "t" } });
    const score = (i: number) => (i === 7 || i === 12 ? 100 : 0) + (i === 7 || i === 12 ? 2 : i % 3);
    const expected = (dir: "asc" | "desc", keep: (i: number) => boolean = () => true) =>
      people
        .map((p, i) => ({ name: p.name, s: score(i), i }))
        .filter((x) => keep(x.i))
        .sort((a, b) => (dir === "asc" ? a.s - b.s : b.s - a.s) || a.name.localeCompare(b.name))
        .map((x) => x.name);
    const load = async (cookie: string, orgId: string, search: string) =>
      (
        await run(cohortPage.loader, makeRequest(`/en/x${search}`, { cookie }), {
          lang: "en",
          orgId,
          cohortId: w.cohortId,
        })
      ).data as CohortData & { query: { sort: string; dir: string } };
    const names = (d: CohortData) => d.progress.rows.map((r) => r.name);

    const desc = await load(w.us.cookie, w.us.orgId, "?sort=progress&dir=desc");
    expect(desc.query).toMatchObject({ sort: "progress", dir: "desc" });
    expect(desc.progress.total).toBe(20);
    expect(names(desc)).toEqual(expected("desc"));
    expect(names(await load(w.us.cookie, w.us.orgId, "?sort=progress"))).toEqual(expected("asc"));
    // Filters and the organization choice apply to the sorted query.
    const usOnly = await load(w.us.cookie, w.us.orgId, `?sort=progress&dir=desc&org=${w.us.orgId}`);
    expect(names(usOnly)).toEqual(expected("desc", (i) => i % 2 === 0));
    expect(names(await load(w.us.cookie, w.us.orgId, "?sort=progress&status=incomplete"))).toEqual(
      expected("asc", (i) => i !== 7 && i !== 12),
    );
    expect(names(await load(w.us.cookie, w.us.orgId, "?sort=progress&q=p1"))).toEqual(expected("asc", (i) => i >= 10));
    // A partner orders the owner's people by completion only (it may not see their lessons).
    const asPartner = await load(w.mx.cookie, w.mx.orgId, "?sort=progress&dir=desc");
    const partnerScore = (i: number) => (i === 7 || i === 12 ? 100 : 0) + (i % 2 === 1 ? score(i) % 100 : 0);
    expect(names(asPartner)).toEqual(
      people
        .map((p, i) => ({ name: p.name, s: partnerScore(i) }))
        .sort((a, b) => b.s - a.s || a.name.localeCompare(b.name))
        .map((x) => x.name),
    );
  });

  it("pages a progress sort without repeating or losing anyone", async () => {
    const org = await orgWithAdmin("law_school");
    const cohortId = await cohortOf(org.orgId, org.admin.id);
    for (let i = 0; i < 60; i += 1) {
      const user = await createUser({ name: `Q${String(i).padStart(2, "0")}`, email: `q${i}@example.test` });
      await db.cohortMember.create({ data: { cohortId, userId: user.id, orgId: org.orgId } });
      if (i % 4 === 0) {
        await db.lessonProgress.create({ data: { userId: user.id, lessonId: "cash-reports", contentVersion: "t" } });
      }
    }
    const page = async (n: number) =>
      (
        (
          await run(cohortPage.loader, makeRequest(`/en/x?sort=progress&dir=desc&page=${n}`, { cookie: org.cookie }), {
            lang: "en",
            orgId: org.orgId,
            cohortId,
          })
        ).data as CohortData
      ).progress;
    const [one, two] = [await page(1), await page(2)];
    expect(one.pageCount).toBe(2);
    const all = [...one.rows, ...two.rows].map((r) => r.name);
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(all.slice(0, 15).every((n) => Number(n.slice(1)) % 4 === 0)).toBe(true);
  });

  it("the CSV export is UTF-8 with a BOM, in the viewer's language, with formulas defused", async () => {
    const org = await orgWithAdmin("law_school");
    const cohortId = await cohortOf(org.orgId, org.admin.id);
    const evil = await createUser({ name: '=HYPERLINK("http://evil.example","Ñandú")' });
    await db.membership.create({ data: { userId: evil.id, orgId: org.orgId, roles: { create: { role: "learner" } } } });
    await post(
      cohortPage.action,
      org.cookie,
      { orgId: org.orgId, cohortId },
      { intent: "addPeople", emails: evil.email },
    );
    const response = (await exportRoute.loader({
      request: makeRequest("/es/x", { cookie: org.cookie }),
      params: { lang: "es", orgId: org.orgId, cohortId },
      context: {},
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Nombre,Correo electrónico,Organización,País");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Ñandú"")"`);
    expect(text).toContain("\r\n");
  });
});
