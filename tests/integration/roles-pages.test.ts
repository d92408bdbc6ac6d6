// What the organization, vetting and instructor pages show to the role that may open them:
// only the people of that person's own organizations, and content in the page's language.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loader as instructorLoader } from "~/routes/$lang.instructor._index/route.tsx";
import { loader as membersLoader } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { loader as checksLoader } from "~/routes/$lang.vetting.checks/route.tsx";
import { loader as vettingLoader } from "~/routes/$lang.vetting._index/route.tsx";
import { db } from "~/modules/db/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { refreshVetting } from "~/modules/vetting/index.server.ts";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const ACTORS = ["learner", "instructor", "org_admin", "supervisor", "vetting_officer", "admin"] as const;
type Actor = (typeof ACTORS)[number];

/** One person per role in one organization, and a learner of another organization. */
async function world() {
  const org = await createOrg("mx_agency");
  await createMember("learner", (await createOrg("us_agency")).id);
  const cookies = {} as Record<Actor, string>;
  const ids = {} as Record<Actor, string>;
  for (const actor of ACTORS) {
    const user = actor === "admin" ? await createUser({ admin: true }) : (await createMember(actor, org.id)).user;
    ids[actor] = user.id;
    cookies[actor] = await sessionCookie(user.id);
  }
  return { cookies, ids, orgId: org.id };
}

describe("what the role pages show", () => {
  it("org admins, supervisors and vetting officers see the people of their own organizations only", async () => {
    const w = await world();
    const members = await run(
      membersLoader,
      makeRequest(`/en/orgs/${w.orgId}/members`, { cookie: w.cookies.org_admin }),
      {
        lang: "en",
        orgId: w.orgId,
      },
    );
    const listed = (members.data as { members: { userId: string }[] }).members.map((m) => m.userId).sort();
    expect(listed).toEqual(
      ACTORS.filter((a) => a !== "admin")
        .map((a) => w.ids[a])
        .sort(),
    );
    // The supervisor's dashboard lists people × profiles of the supervisor's organizations only:
    // a learner of another organization held to the same profile never appears.
    const own = (await createMember("learner", w.orgId)).user;
    const foreign = await db.membership.findFirstOrThrow({
      where: { orgId: { not: w.orgId } },
      select: { userId: true, orgId: true },
    });
    for (const person of [
      { userId: own.id, orgId: w.orgId },
      { userId: foreign.userId, orgId: foreign.orgId },
    ]) {
      await db.profileAssignment.create({ data: { ...person, profileId: "joint-team-agent" }, select: { id: true } });
      await db.$transaction((tx) => refreshVetting(tx, person.userId, new Date()));
    }
    const dashboard = (
      await run(vettingLoader, makeRequest("/en/vetting", { cookie: w.cookies.supervisor }), { lang: "en" })
    ).data as { orgs: { id: string }[]; view: { total: number; rows: { userId: string }[] } };
    expect(dashboard.orgs.map((o) => o.id)).toEqual([w.orgId]);
    expect(dashboard.view.rows.map((r) => r.userId)).toEqual([own.id]);
    // The vetting officer's page lists the people of the officer's organizations only.
    const checks = (
      await run(checksLoader, makeRequest("/en/vetting/checks", { cookie: w.cookies.vetting_officer }), { lang: "en" })
    ).data as { people: { href: string }[]; others: { userId: string }[] };
    const listedByOfficer = [
      ...checks.people.map((p) => p.href.split("/").at(-1)),
      ...checks.others.map((p) => p.userId),
    ];
    expect(listedByOfficer).toContain(own.id);
    expect(listedByOfficer).not.toContain(foreign.userId);
    expect(listedByOfficer).not.toContain(w.ids.admin);
  });

  it("the organization page lists each member's roles; the vetting page is titled in the page's language", async () => {
    const w = await world();
    const members = (
      await run(membersLoader, makeRequest(`/en/orgs/${w.orgId}/members`, { cookie: w.cookies.org_admin }), {
        lang: "en",
        orgId: w.orgId,
      })
    ).data as { members: { userId: string; roles: string[] }[] };
    const supervisor = members.members.find((p) => p.userId === w.ids.supervisor);
    expect(supervisor?.roles).toEqual(["supervisor"]);
    const vetting = (
      await run(vettingLoader, makeRequest("/es/vetting", { cookie: w.cookies.supervisor }), { lang: "es" })
    ).data as { title: string };
    expect(vetting.title).toBe(resources.es.readiness.title);
  });

  it("the instructor page lists the courses in the page's language", async () => {
    const w = await world();
    const es = await run(instructorLoader, makeRequest("/es/instructor", { cookie: w.cookies.instructor }), {
      lang: "es",
    });
    expect((es.data as { courses: { id: string; title: string }[] }).courses).toEqual([
      expect.objectContaining({ id: "aml-basics", title: "Fundamentos de PLD", modules: "1", lessons: "2" }),
    ]);
    const en = await run(instructorLoader, makeRequest("/en/instructor", { cookie: w.cookies.instructor }), {
      lang: "en",
    });
    expect((en.data as { courses: { title: string }[] }).courses[0]?.title).toBe("AML basics");
  });
});
