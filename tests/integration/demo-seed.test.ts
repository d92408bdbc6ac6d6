import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/modules/auth/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "~/modules/demo/demo-data.server.ts";
import { getQuiz } from "~/modules/content/index.server.ts";
import { quizItemStatistics } from "~/modules/quiz/index.server.ts";

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
    const admin = await db.user.findUnique({
      where: { email: "admin@demo.puente.test" },
      select: { isPlatformAdmin: true },
    });
    expect(admin?.isPlatformAdmin).toBe(true);
  });

  it("adds nothing to a database that already has users", async () => {
    const before = await db.user.count();
    expect(await seedDemoData()).toBe(false);
    expect(await db.user.count()).toBe(before);
  });

  it("has simulated quiz attempts in both languages, with a language trap the instructor sees", async () => {
    for (const quizId of ["m1-foundations-quiz", "m2-us-framework-quiz"]) {
      for (const lang of ["en", "es"]) {
        expect(await db.quizAttempt.count({ where: { quizId, lang, status: "submitted" } })).toBeGreaterThanOrEqual(40);
      }
    }
    const memberships = await db.membership.findMany({
      where: { user: { email: "instructor@demo.puente.test" }, roles: { some: { role: "instructor" } } },
      select: { orgId: true },
    });
    const orgIds = memberships.map((m) => m.orgId);
    const item = async (quizId: string, itemId: string) =>
      (await quizItemStatistics(getQuiz(quizId)!, orgIds, "en")).units
        .flatMap((u) => u.items)
        .find((i) => i.itemId === itemId)!;
    const m1 = await item("m1-foundations-quiz", "m1-q12");
    expect(m1.en.shareCorrect! - m1.es.shareCorrect!).toBeGreaterThanOrEqual(0.15);
    const m2 = await item("m2-us-framework-quiz", "m2-q16");
    expect(m2.es.shareCorrect! - m2.en.shareCorrect!).toBeGreaterThanOrEqual(0.15);
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
