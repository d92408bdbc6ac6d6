import { execFile } from "node:child_process";
import fs from "node:fs";
import { Secret, TOTP } from "otpauth";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "~/modules/audit/index.server.ts";
import { signIn, verifySecondFactor } from "~/modules/auth/index.server.ts";
import { SECOND_FACTOR_ROLES } from "~/modules/auth/index.ts";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoPolicy, seedDemoData } from "~/modules/demo/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { loadShell } from "~/modules/web/index.server.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { makeRequest } from "../helpers/routes.ts";
import { getQuiz } from "~/modules/content/index.server.ts";
import { quizItemStatistics } from "~/modules/quiz/index.server.ts";
import { agreementsOf, sharedWith } from "~/modules/sharing/index.server.ts";

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
  }, 300_000);

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

  it("enrols every demo account whose roles need a second factor, with the secret the README prints", async () => {
    const readme = fs.readFileSync("README.md", "utf8").split("\n");
    const needing = await db.user.findMany({
      where: {
        OR: [
          { isPlatformAdmin: true },
          { memberships: { some: { roles: { some: { role: { in: [...SECOND_FACTOR_ROLES] } } } } } },
        ],
      },
      select: { id: true, email: true, secondFactor: { select: { confirmedAt: true } } },
    });
    expect(needing.map((u) => u.email).sort()).toEqual(
      DEMO_ACCOUNTS.filter((a) => a.totpSecret)
        .map((a) => a.email)
        .sort(),
    );
    for (const user of needing) {
      expect(user.secondFactor?.confirmedAt, user.email).toBeTruthy();
      const secret = DEMO_ACCOUNTS.find((a) => a.email === user.email)!.totpSecret!;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      // The README line naming the account carries its secret (the page-walking tool reads it there).
      const line = readme.find((l) => l.includes(user.email) && /\b[A-Z2-7]{16,}\b/.test(l));
      expect(line?.match(/\b[A-Z2-7]{16,}\b/)?.[0], user.email).toBe(secret);
      // And a code from it is accepted.
      const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
      expect((await verifySecondFactor(user.id, { kind: "totp", code }, "192.0.2.1")).ok, user.email).toBe(true);
    }
  });

  it("seeds cohorts with real figures: a live code, a joint cohort, students at different stages", async () => {
    const cohorts = await db.cohort.findMany({
      select: {
        org: { select: { slug: true } },
        partners: { select: { status: true, org: { select: { slug: true } } } },
        _count: { select: { members: true, codes: true } },
      },
    });
    const bySlug = (slug: string) => cohorts.find((c) => c.org.slug === slug)!;
    expect(bySlug("facultad-derecho-frontera")._count.members).toBe(12);
    expect(bySlug("border-bar-association")._count.members).toBe(8);
    const joint = bySlug("sw-financial-task-force");
    expect(joint.partners).toEqual([{ status: "accepted", org: { slug: "unidad-conjunta-analisis" } }]);
    expect(joint._count.members).toBe(69);
    const live = await db.enrolmentCode.findFirst({
      where: { revokedAt: null, expiresAt: { gt: new Date() }, cohort: { org: { slug: "facultad-derecho-frontera" } } },
      select: { seatsUsed: true, seatLimit: true },
    });
    expect(live).toEqual({ seatsUsed: 12, seatLimit: 40 });
    const learner = await db.user.findUniqueOrThrow({
      where: { email: "learner@demo.puente.test" },
      select: { cohortMembers: { select: { cohortId: true } } },
    });
    expect(learner.cohortMembers).toHaveLength(1);
    const students = { cohortMembers: { some: { cohort: { org: { slug: "facultad-derecho-frontera" } } } } };
    const lessons = await db.lessonProgress.groupBy({
      by: ["userId"],
      where: { user: students },
      _count: { _all: true },
    });
    expect(new Set(lessons.map((l) => l._count._all)).size).toBeGreaterThan(2);
    expect(await db.enrolment.count({ where: { user: students, completedAt: { not: null } } })).toBeGreaterThan(0);
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

  it("refuses a PostgreSQL database or another file unless PUENTE_DEMO=1, quietly under --auto", async () => {
    const postgres = "postgresql://nobody@127.0.0.1:1/none";
    for (const DATABASE_URL of [postgres, process.env.DATABASE_URL!]) {
      const refused = await seedScript({ DATABASE_URL, PUENTE_DEMO: "", NODE_ENV: "development" });
      expect(refused.code, DATABASE_URL).toBe(1);
      expect(refused.out).toMatch(/no demo data: DATABASE_URL is .*Set PUENTE_DEMO=1/);
      const auto = await seedScript({ DATABASE_URL, PUENTE_DEMO: "", NODE_ENV: "development" }, ["--auto"]);
      expect(auto).toEqual({ code: 0, out: "" });
    }
    // Asked for by name, it goes on (and adds nothing here: the database has users).
    const insisted = await seedScript({ PUENTE_DEMO: "1" });
    expect(insisted.code).toBe(0);
    expect(insisted.out).toMatch(/Demo accounts present/);
  }, 60_000);
});

describe("demoPolicy", () => {
  it.each([
    [{}, true],
    [{ DATABASE_URL: "file:./data/puente.db" }, true],
    [{ DATABASE_URL: "file:data/puente.db" }, true],
    [{ DATABASE_URL: "file:./data/puente.db", NODE_ENV: "production" }, false],
    [{ DATABASE_URL: "file:./data/other.db" }, false],
    [{ DATABASE_URL: "file:/srv/puente/puente.db" }, false],
    [{ DATABASE_URL: "postgresql://app@db.example/puente" }, false],
    [{ DATABASE_URL: "postgres://app@db.example/puente", NODE_ENV: "development" }, false],
    [{ DATABASE_URL: "postgresql://app@db.example/puente", PUENTE_DEMO: "1" }, true],
    [{ DATABASE_URL: "file:./data/other.db", PUENTE_DEMO: "true" }, true],
    [{ PUENTE_DEMO: "0" }, false],
  ])("%j → allowed: %s", (env, allowed) => {
    expect(demoPolicy(env as NodeJS.ProcessEnv).allowed).toBe(allowed);
  });
});

describe("demo sharing agreements", () => {
  it("shows agreements in force both ways between the US and Mexican units, an ended one and a proposal", async () => {
    const orgs = await db.organization.findMany({ select: { id: true, slug: true } });
    const id = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
    const views = await agreementsOf(id("unidad-conjunta-analisis"));
    expect(views.map((a) => [a.direction, a.state]).sort()).toEqual([
      ["incoming", "ended"],
      ["incoming", "inForce"],
      ["outgoing", "inForce"],
    ]);
    const shared = await sharedWith([id("sw-financial-task-force")]);
    expect(shared.map((s) => s.grantor.id)).toEqual([id("unidad-conjunta-analisis")]);
    const school = await agreementsOf(id("facultad-derecho-frontera"));
    expect(school.map((a) => [a.direction, a.state])).toEqual([["outgoing", "proposed"]]);
  });
});

describe("npm run demo:remove", () => {
  const DEMO = { endsWith: "@demo.puente.test" };

  it("deletes the demo accounts and everything they own, keeps audit events and real people, and the banner goes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const bar = await db.organization.findUniqueOrThrow({
      where: { slug: "facultad-derecho-frontera" },
      select: { id: true },
    });
    const real = await createUser({ email: "real.person@example.mx" });
    await grantRole(null, real.id, bar.id, "learner");
    const demoUsers = await db.user.findMany({ where: { email: DEMO }, select: { id: true, email: true } });
    const ids = demoUsers.map((u) => u.id);
    const learner = demoUsers.find((u) => u.email === "learner@demo.puente.test")!;
    const instructor = demoUsers.find((u) => u.email === "instructor@demo.puente.test")!;
    // Rows of every kind a demo account can own.
    await sessionCookie(learner.id);
    await db.emailToken.create({
      data: {
        tokenHash: "demo-token",
        userId: learner.id,
        purpose: "reset-password",
        email: learner.email,
        expiresAt: new Date(Date.now() + 60_000),
      },
      select: { id: true },
    });
    await signIn(learner.email, "not the password", "192.0.2.9");
    await enrol(learner.id, "aml-core");
    await db.lessonProgress.create({
      data: { userId: learner.id, lessonId: "m1-l1", contentVersion: "x" },
      select: { userId: true },
    });
    await db.quizAccommodation.create({
      data: { userId: learner.id, quizId: "m1-foundations-quiz", extraMinutes: 5, grantedById: instructor.id },
      select: { userId: true },
    });
    await db.quizAccommodation.create({
      data: { userId: real.id, quizId: "m1-foundations-quiz", extraAttempts: 1, grantedById: instructor.id },
      select: { userId: true },
    });
    const memberships = (await db.membership.findMany({ where: { userId: { in: ids } }, select: { id: true } })).map(
      (m) => m.id,
    );
    const attempts = (await db.quizAttempt.findMany({ where: { userId: { in: ids } }, select: { id: true } })).map(
      (a) => a.id,
    );
    expect(memberships.length).toBeGreaterThan(0);
    expect(attempts.length).toBeGreaterThan(0);
    expect(await db.session.count({ where: { userId: { in: ids } } })).toBeGreaterThan(0);
    expect(await db.loginAttempt.count({ where: { key: DEMO } })).toBeGreaterThan(0);
    expect(await db.sharingAgreement.count()).toBeGreaterThan(0);
    const auditEvents = await db.auditEvent.count();

    const shellBefore = await loadShell(makeRequest("/en"), { lang: "en" }, undefined);
    expect(shellBefore.shell.demo).toBe(true);

    const removal = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/demo/remove.ts"], {
      env: process.env,
    });
    expect(removal.stdout).toMatch(/removed \d+ demo accounts and 3 demo organizations/);

    expect(await db.user.count({ where: { email: DEMO } })).toBe(0);
    expect(await db.session.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.emailToken.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.membership.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.membershipRole.count({ where: { membershipId: { in: memberships } } })).toBe(0);
    expect(await db.enrolment.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.quizAttempt.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.quizResponse.count({ where: { attemptId: { in: attempts } } })).toBe(0);
    expect(await db.quizAccommodation.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { key: DEMO } })).toBe(0);
    // Every demo agreement names a removed organization on one side at least.
    expect(await db.sharingAgreement.count()).toBe(0);
    // The real person keeps their account, membership and accommodation; the organization they
    // joined stays, the other demo organizations go.
    expect(await db.membership.count({ where: { userId: real.id, orgId: bar.id } })).toBe(1);
    expect(await db.quizAccommodation.count({ where: { userId: real.id } })).toBe(1);
    const orgs = await db.organization.findMany({ select: { slug: true } });
    expect(orgs.map((o) => o.slug)).toEqual(["facultad-derecho-frontera"]);
    expect(await db.auditEvent.count()).toBe(auditEvents);
    expect((await verifyAuditChain()).brokenAt).toBeNull();

    // Another process removed them: this one notices within its cache time.
    vi.setSystemTime(Date.now() + 31_000);
    const shellAfter = await loadShell(makeRequest("/en"), { lang: "en" }, undefined);
    expect(shellAfter.shell.demo).toBe(false);
    vi.useRealTimers();
  }, 60_000);
});
