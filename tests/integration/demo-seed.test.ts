import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "~/modules/demo/demo-data.server.ts";

const run = promisify(execFile);

function seedScript(env: Record<string, string>, args: string[] = []) {
  return run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts", ...args], {
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

describe("demo data", () => {
  beforeAll(async () => {
    expect(await seedDemoData()).toBe(true);
  }, 120_000);

  it("every demo account signs in with the documented password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await signIn(account.email, DEMO_PASSWORD, "192.0.2.1");
      expect(result.ok, account.email).toBe(true);
    }
  });

  it("gives each role to its demo account, and admin to the admin", async () => {
    const roles = await db.membershipRole.findMany({
      where: { membership: { user: { email: { endsWith: "@demo.puente.test" } } } },
      select: { role: true, membership: { select: { user: { select: { email: true } } } } },
    });
    const byEmail = (email: string) => roles.filter((r) => r.membership.user.email === email).map((r) => r.role);
    expect(byEmail("learner@demo.puente.test")).toContain("learner");
    expect(byEmail("instructor@demo.puente.test")).toContain("instructor");
    expect(byEmail("orgadmin@demo.puente.test")).toContain("org_admin");
    expect(byEmail("supervisor@demo.puente.test")).toContain("supervisor");
    expect(byEmail("vetting@demo.puente.test")).toContain("vetting_officer");
    const admin = await db.user.findUnique({ where: { email: "admin@demo.puente.test" }, select: { isPlatformAdmin: true } });
    expect(admin?.isPlatformAdmin).toBe(true);
  });

  it("adds nothing to a database that already has users", async () => {
    const before = await db.user.count();
    expect(await seedDemoData()).toBe(false);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses in production unless PUENTE_DEMO=1, and skips quietly when started with --auto", async () => {
    const refused = await seedScript({ NODE_ENV: "production", PUENTE_DEMO: "" });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/refusing to add demo accounts in production/);
    const auto = await seedScript({ NODE_ENV: "production", PUENTE_DEMO: "" }, ["--auto"]);
    expect(auto.code).toBe(0);
    expect(auto.out).toMatch(/no demo data/);
  }, 60_000);
});
