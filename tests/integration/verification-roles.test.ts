// Issue 8 item 12: a role above learner (platform admin included) takes effect only once the
// account's email address is verified.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { loadShell } from "~/modules/web/index.server.ts";
import { loader as adminUsersLoader } from "~/routes/$lang.admin.users._index/route.tsx";
import { loader as instructorLoader } from "~/routes/$lang.instructor._index/route.tsx";
import { loader as orgsLoader } from "~/routes/$lang.orgs._index/route.tsx";
import { action as verifyAction, loader as verifyLoader } from "~/routes/$lang.verify-email/route.tsx";
import { createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { lastTokenFor, makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

describe("unverified accounts act as learners", () => {
  it("an instructor and org admin role wait for verification, then take effect", async () => {
    const org = await createOrg();
    const person = await createUser({ verified: false });
    await grantRole(null, person.id, org.id, "instructor");
    await grantRole(null, person.id, org.id, "org_admin");
    const cookie = await sessionCookie(person.id);

    const open = async () => [
      (await run(instructorLoader, makeRequest("/en/instructor", { cookie }), { lang: "en" })).status,
      (await run(orgsLoader, makeRequest("/en/orgs", { cookie }), { lang: "en" })).status,
    ];
    expect(await open()).toEqual([403, 403]);
    const { shell } = await loadShell(makeRequest("/en", { cookie }), { lang: "en" }, {});
    expect(shell.nav).toMatchObject({ instructor: false, organization: false });

    await run(verifyAction, makeRequest("/en/verify-email", { cookie, form: {} }), { lang: "en" });
    const token = await lastTokenFor(person.email, "verify-email");
    await run(verifyLoader, makeRequest(`/en/verify-email?token=${token}`), { lang: "en" });
    // A new request reads the account afresh.
    expect(await open()).toEqual([200, 200]);
  });

  it("a platform admin with an unverified address is refused the admin pages", async () => {
    const admin = await createUser({ admin: true, verified: false });
    const cookie = await sessionCookie(admin.id);
    expect((await run(adminUsersLoader, makeRequest("/en/admin/users", { cookie }), { lang: "en" })).status).toBe(403);
  });
});
