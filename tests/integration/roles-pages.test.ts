// What the organization, vetting and instructor pages show to the role that may open them:
// only the people of that person's own organizations, and content in the page's language.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loader as instructorLoader } from "~/routes/$lang.instructor._index/route.tsx";
import { loader as membersLoader } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { loader as checksLoader } from "~/routes/$lang.vetting.checks/route.tsx";
import { loader as vettingLoader } from "~/routes/$lang.vetting._index/route.tsx";
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
  type PeopleData = {
    orgs: { orgId: string; orgName: string; people: { id: string; status?: string; roles?: string[] }[] }[];
  };

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
    for (const [actor, loader, pathname] of [
      ["supervisor", vettingLoader, "/en/vetting"],
      ["vetting_officer", checksLoader, "/en/vetting/checks"],
    ] as const) {
      const result = await run(loader, makeRequest(pathname, { cookie: w.cookies[actor] }), { lang: "en" });
      const { orgs } = result.data as PeopleData;
      expect(
        orgs.map((o) => o.orgId),
        actor,
      ).toEqual([w.orgId]);
      const people = orgs[0]!.people.map((p) => p.id).sort();
      expect(people, actor).toEqual(
        ACTORS.filter((a) => a !== "admin")
          .map((a) => w.ids[a])
          .sort(),
      );
      expect(people).not.toContain(w.ids.admin);
    }
  });

  it("the organization page lists each member's roles; the vetting page shows everyone as pending", async () => {
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
    ).data as PeopleData & {
      title: string;
    };
    expect(vetting.title).toBe("Estado de control de confianza");
    expect(new Set(vetting.orgs[0]!.people.map((p) => p.status))).toEqual(new Set(["pending"]));
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
