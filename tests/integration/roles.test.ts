// Each role has pages only it may open: every other role gets 403 and a signed-out visitor
// is sent to sign in. The admin actions are refused to everyone but a platform admin.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { loader as adminIndexLoader } from "~/routes/$lang.admin._index/route.tsx";
import { action as adminUserAction, loader as adminUserLoader } from "~/routes/$lang.admin.users.$userId/route.tsx";
import { loader as adminUsersLoader } from "~/routes/$lang.admin.users._index/route.tsx";
import { loader as instructorLoader } from "~/routes/$lang.instructor._index/route.tsx";
import { loader as orgsLoader } from "~/routes/$lang.orgs._index/route.tsx";
import { loader as membersLoader } from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import { loader as checksLoader } from "~/routes/$lang.vetting.checks/route.tsx";
import { loader as vettingLoader } from "~/routes/$lang.vetting._index/route.tsx";
import { createMember, createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  // The instructor page lists courses; a small valid fixture keeps it independent of content/.
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

const ACTORS = ["learner", "instructor", "org_admin", "supervisor", "vetting_officer", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type World = {
  cookies: Record<Actor, string>;
  ids: Record<Actor, string>;
  orgId: string;
  otherOrgId: string;
  target: string;
};

/** One person per role, all in one organization, plus a person in another organization. */
async function world(): Promise<World> {
  const org = await createOrg("mx_agency");
  const other = await createMember("learner", (await createOrg("us_agency")).id);
  const cookies = {} as Record<Actor, string>;
  const ids = {} as Record<Actor, string>;
  for (const actor of ACTORS) {
    const user = actor === "admin" ? await createUser({ admin: true }) : (await createMember(actor, org.id)).user;
    ids[actor] = user.id;
    cookies[actor] = await sessionCookie(user.id);
  }
  return { cookies, ids, orgId: org.id, otherOrgId: other.orgId, target: ids.learner };
}

type Page = {
  name: string;
  owner: Actor;
  path: (w: World) => string;
  params: (w: World) => Record<string, string>;
  loader: Parameters<typeof run>[0];
};

const PAGES: Page[] = [
  {
    name: "admin user list",
    owner: "admin",
    path: () => "/en/admin/users",
    params: () => ({ lang: "en" }),
    loader: adminUsersLoader,
  },
  {
    name: "admin user page",
    owner: "admin",
    path: (w) => `/es/admin/users/${w.target}`,
    params: (w) => ({ lang: "es", userId: w.target }),
    loader: adminUserLoader,
  },
  {
    name: "organization members",
    owner: "org_admin",
    path: (w) => `/en/orgs/${w.orgId}/members`,
    params: (w) => ({ lang: "en", orgId: w.orgId }),
    loader: membersLoader,
  },
  {
    name: "vetting status",
    owner: "supervisor",
    path: () => "/es/vetting",
    params: () => ({ lang: "es" }),
    loader: vettingLoader,
  },
  {
    name: "vetting checks",
    owner: "vetting_officer",
    path: () => "/en/vetting/checks",
    params: () => ({ lang: "en" }),
    loader: checksLoader,
  },
  {
    name: "instructor",
    owner: "instructor",
    path: () => "/es/instructor",
    params: () => ({ lang: "es" }),
    loader: instructorLoader,
  },
];

describe("role pages", () => {
  it("open for exactly their role: 200 for it, 403 for each of the other five", async () => {
    const w = await world();
    const matrix: Record<string, Record<Actor, number>> = {};
    const expected: Record<string, Record<Actor, number>> = {};
    for (const page of PAGES) {
      matrix[page.name] = {} as Record<Actor, number>;
      expected[page.name] = {} as Record<Actor, number>;
      for (const actor of ACTORS) {
        const result = await run(page.loader, makeRequest(page.path(w), { cookie: w.cookies[actor] }), page.params(w));
        matrix[page.name]![actor] = result.status;
        expected[page.name]![actor] = actor === page.owner ? 200 : 403;
      }
    }
    expect(matrix).toEqual(expected);
  });

  it.each(PAGES.map((p) => [p.name, p] as const))(
    "%s sends a signed-out visitor to sign in and back",
    async (_name, page) => {
      const w = await world();
      const pathname = page.path(w);
      const result = await run(page.loader, makeRequest(pathname), page.params(w));
      expect(result.status).toBe(302);
      const lang = pathname.split("/")[1];
      expect(result.location).toBe(`/${lang}/login?${new URLSearchParams({ redirectTo: pathname })}`);
    },
  );

  it("answer 404 for an unknown language prefix before anything else", async () => {
    const w = await world();
    for (const page of PAGES) {
      const result = await run(
        page.loader,
        makeRequest(page.path(w).replace(/^\/(en|es)/, "/fr"), { cookie: w.cookies[page.owner] }),
        {
          ...page.params(w),
          lang: "fr",
        },
      );
      expect(result.status, page.name).toBe(404);
    }
  });

  it("/admin leads admins to the user list and refuses everyone else", async () => {
    const w = await world();
    const admin = await run(adminIndexLoader, makeRequest("/es/admin", { cookie: w.cookies.admin }), { lang: "es" });
    expect(admin.location).toBe("/es/admin/users");
    const learner = await run(adminIndexLoader, makeRequest("/es/admin", { cookie: w.cookies.learner }), {
      lang: "es",
    });
    expect(learner.status).toBe(403);
  });

  it("a person with several roles opens each of their pages", async () => {
    const org = await createOrg();
    const { user } = await createMember("supervisor", org.id);
    const { grantRole } = await import("~/modules/orgs/index.server.ts");
    await grantRole(null, user.id, org.id, "vetting_officer");
    const cookie = await sessionCookie(user.id);
    expect((await run(vettingLoader, makeRequest("/en/vetting", { cookie }), { lang: "en" })).status).toBe(200);
    expect((await run(checksLoader, makeRequest("/en/vetting/checks", { cookie }), { lang: "en" })).status).toBe(200);
    expect((await run(orgsLoader, makeRequest("/en/orgs", { cookie }), { lang: "en" })).status).toBe(403);
  });
});

describe("admin actions", () => {
  const INTENTS = (w: World): Record<string, string>[] => [
    { intent: "grantRole", orgId: w.otherOrgId, role: "supervisor" },
    { intent: "revokeRole", orgId: w.orgId, role: "learner" },
    { intent: "deactivate" },
    { intent: "reactivate" },
    { intent: "clearLockout" },
  ];

  async function snapshot() {
    const [roles, users, sessions, attempts, audit] = await Promise.all([
      db.membershipRole.findMany({
        select: { role: true, membership: { select: { userId: true, orgId: true } } },
        orderBy: [{ membershipId: "asc" }, { role: "asc" }],
      }),
      db.user.findMany({ select: { id: true, deactivatedAt: true }, orderBy: { id: "asc" } }),
      db.session.count(),
      db.loginAttempt.count(),
      db.auditEvent.count(),
    ]);
    return { roles, users, sessions, attempts, audit };
  }

  it("are refused with 403 to every role but platform admin, and change nothing", async () => {
    const w = await world();
    // Something for each action to act on: a deactivated account and a lock-out.
    const locked = await createUser();
    await db.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ key: `account:${locked.email}`, succeeded: false })),
    });
    const before = await snapshot();
    for (const actor of ACTORS.filter((a) => a !== "admin")) {
      for (const form of INTENTS(w)) {
        for (const target of [w.target, locked.id]) {
          const request = makeRequest(`/en/admin/users/${target}`, { cookie: w.cookies[actor], form });
          const result = await run(adminUserAction, request, { lang: "en", userId: target });
          expect(result.status, `${actor} ${form.intent}`).toBe(403);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("send a signed-out visitor to sign in, and change nothing", async () => {
    const w = await world();
    const before = await snapshot();
    for (const form of INTENTS(w)) {
      const result = await run(adminUserAction, makeRequest(`/es/admin/users/${w.target}`, { form }), {
        lang: "es",
        userId: w.target,
      });
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/es\/login\?redirectTo=/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a non-admin even with a bad form or an unknown user (403, not 400 or 404)", async () => {
    const w = await world();
    const bad = await run(
      adminUserAction,
      makeRequest(`/en/admin/users/${w.target}`, { cookie: w.cookies.org_admin, form: { intent: "nope" } }),
      {
        lang: "en",
        userId: w.target,
      },
    );
    expect(bad.status).toBe(403);
    const unknown = await run(
      adminUserAction,
      makeRequest("/en/admin/users/nobody", { cookie: w.cookies.supervisor, form: { intent: "deactivate" } }),
      {
        lang: "en",
        userId: "nobody",
      },
    );
    expect(unknown.status).toBe(403);
  });
});
