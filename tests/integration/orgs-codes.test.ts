// Enrolment codes: redeeming signs a person into the cohort as a learner of the code's
// organization, in the page's language; bad codes write nothing; seats are never oversold,
// even when two OS processes redeem at once.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseUrl, db } from "~/modules/db/index.server.ts";
import { cohortFor, redeemCode, revokeCode } from "~/modules/orgs/index.server.ts";
import * as codesPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.codes/route.tsx";
import * as joinPage from "~/routes/$lang.join.$code/route.tsx";
import * as joinIndex from "~/routes/$lang.join._index/route.tsx";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { codeFor, cohortOf, orgWithAdmin, writeCounts } from "../helpers/orgs.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

async function world(seats = 10) {
  const org = await orgWithAdmin("law_school");
  const cohortId = await cohortOf(org.orgId, org.admin.id);
  const code = await codeFor(org.orgId, org.admin.id, cohortId, seats);
  return { org, cohortId, code };
}

async function inCohort(userId: string, cohortId: string) {
  return db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { orgId: true, removedAt: true },
  });
}

describe("issuing and revoking codes", () => {
  it("the org admin issues a code with seats and expiry, sees seats used, and revokes it", async () => {
    const w = await world();
    const params = { lang: "es", orgId: w.org.orgId, cohortId: w.cohortId };
    const issued = await run(
      codesPage.action,
      makeRequest("/es/x", {
        cookie: w.org.cookie,
        form: { intent: "issue", seatLimit: "3", expiresOn: "2099-12-31" },
      }),
      params,
    );
    expect(issued.status).toBe(400); // more than a year ahead
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ok = await run(
      codesPage.action,
      makeRequest("/es/x", { cookie: w.org.cookie, form: { intent: "issue", seatLimit: "3", expiresOn: tomorrow } }),
      params,
    );
    expect(ok.status).toBe(302);
    const bad = await run(
      codesPage.action,
      makeRequest("/es/x", { cookie: w.org.cookie, form: { intent: "issue", seatLimit: "0", expiresOn: tomorrow } }),
      params,
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { message: string }).message).toMatch(/lugares/);
    const page = await run(codesPage.loader, makeRequest("/es/x", { cookie: w.org.cookie }), params);
    const codes = (page.data as { codes: { id: string; seatLimit: number; seatsUsed: number; state: string }[] }).codes;
    expect(codes.map((c) => c.seatLimit).sort()).toEqual([10, 3]);
    const revoke = await run(
      codesPage.action,
      makeRequest("/es/x", { cookie: w.org.cookie, form: { intent: "revoke", codeId: w.code.id } }),
      params,
    );
    expect(revoke.status).toBe(302);
    expect(await redeemCode((await createUser()).id, w.code.code)).toEqual({ ok: false, reason: "revoked" });
  });
});

describe("redeeming", () => {
  it("a new person signs up with the code on the Spanish page and lands in the cohort as a learner", async () => {
    const w = await world();
    const pathname = `/es/join/${w.code.code}`;
    const preview = await run(joinPage.loader, makeRequest(pathname), { lang: "es", code: w.code.code });
    expect(preview.status).toBe(200);
    const result = await run(
      joinPage.action,
      makeRequest(pathname, {
        form: {
          intent: "signUp",
          name: "Estudiante Nueva",
          email: "nueva@example.test",
          password: "una clave larga 123",
          privacy: "on",
        },
      }),
      { lang: "es", code: w.code.code },
    );
    expect(result.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "nueva@example.test" },
      select: { id: true, language: true, memberships: { select: { orgId: true, roles: { select: { role: true } } } } },
    });
    expect(user.language).toBe("es");
    expect(user.memberships).toEqual([{ orgId: w.org.orgId, roles: [{ role: "learner" }] }]);
    expect(await inCohort(user.id, w.cohortId)).toEqual({ orgId: w.org.orgId, removedAt: null });
    expect(await db.enrolment.count({ where: { userId: user.id, courseId: "aml-basics" } })).toBe(1);
    const code = await db.enrolmentCode.findUniqueOrThrow({ where: { id: w.code.id }, select: { seatsUsed: true } });
    expect(code.seatsUsed).toBe(1);
  });

  it("a signed-in person redeems (their consent); redeeming again takes no second seat", async () => {
    const w = await world();
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    for (let i = 0; i < 2; i += 1) {
      const result = await run(
        joinPage.action,
        makeRequest(`/en/join/${w.code.code}`, { cookie, form: { intent: "redeem" } }),
        {
          lang: "en",
          code: w.code.code,
        },
      );
      expect(result.status).toBe(302);
    }
    expect(await inCohort(user.id, w.cohortId)).toEqual({ orgId: w.org.orgId, removedAt: null });
    const code = await db.enrolmentCode.findUniqueOrThrow({ where: { id: w.code.id }, select: { seatsUsed: true } });
    expect(code.seatsUsed).toBe(1);
  });

  it("the code field accepts a code typed in lower case with a dash", async () => {
    const w = await world();
    const typed = `${w.code.code.slice(0, 4)}-${w.code.code.slice(4)}`.toLowerCase();
    const result = await run(joinIndex.action, makeRequest("/es/join", { form: { code: typed } }), { lang: "es" });
    expect(result.location).toBe(`/es/join/${w.code.code}`);
  });

  it("unknown, expired, exhausted and revoked codes get a translated message and write nothing", async () => {
    const w = await world(1);
    await redeemCode((await createUser()).id, w.code.code); // takes the only seat
    const expired = await codeFor(w.org.orgId, w.org.admin.id, w.cohortId);
    await db.enrolmentCode.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await codeFor(w.org.orgId, w.org.admin.id, w.cohortId);
    await revokeCode(w.org.admin.id, (await cohortFor(w.org.orgId, w.cohortId))!, revoked.id);
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const before = await writeCounts();
    for (const [code, reason, words] of [
      ["ZZZZZZZZ", "unknown", /no existe/],
      [expired.code, "expired", /venció/],
      [w.code.code, "exhausted", /lugares/],
      [revoked.code, "revoked", /retiró/],
    ] as const) {
      const page = await run(joinPage.loader, makeRequest(`/es/join/${code}`, { cookie }), { lang: "es", code });
      expect(page.status, reason).toBe(400);
      expect((page.data as { problem: string }).problem, reason).toMatch(words);
      const posted = await run(
        joinPage.action,
        makeRequest(`/es/join/${code}`, { cookie, form: { intent: "redeem" } }),
        {
          lang: "es",
          code,
        },
      );
      expect(posted.status, reason).toBe(400);
      expect((posted.data as { message: string }).message, reason).toMatch(words);
      // Signed out, the sign-up form writes no account either.
      const signUp = await run(
        joinPage.action,
        makeRequest(`/es/join/${code}`, {
          form: {
            intent: "signUp",
            name: "X",
            email: `x-${reason}@example.test`,
            password: "una clave larga 123",
            privacy: "on",
          },
        }),
        { lang: "es", code },
      );
      expect(signUp.status, reason).toBe(400);
    }
    expect(await writeCounts()).toEqual(before);
    expect(await db.user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
    expect(await inCohort(user.id, w.cohortId)).toBeNull();
  });
});

/** Starts the racer process; resolves once it is ready, with a function that starts the race. */
function racer(code: string, userIds: string[]) {
  const child = spawn(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      path.resolve(__dirname, "../helpers/redeem-racer.ts"),
      code,
      ...userIds,
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl() }, stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  const done = new Promise<string[]>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (exitCode) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (exitCode !== 0) reject(new Error(`racer exited with ${exitCode}: ${output}`));
      else resolve(JSON.parse(last) as string[]);
    });
  });
  const ready = new Promise<void>((resolve) => {
    const check = () => (output.includes("ready") ? resolve() : setTimeout(check, 20));
    check();
  });
  return { ready, go: () => child.stdin.end("go\n"), done };
}

describe("seats under concurrency", () => {
  it("two OS processes redeeming 24 times for 9 seats fill exactly 9 seats", { timeout: 120_000 }, async () => {
    const w = await world(9);
    const users = await Promise.all(Array.from({ length: 24 }, () => createUser()));
    const ids = users.map((u) => u.id);
    const first = racer(w.code.code, ids.slice(0, 12));
    const second = racer(w.code.code, ids.slice(12));
    await Promise.all([first.ready, second.ready]);
    first.go();
    second.go();
    const outcomes = [...(await first.done), ...(await second.done)];
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(9);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "exhausted")).toBe(true);
    const code = await db.enrolmentCode.findUniqueOrThrow({ where: { id: w.code.id }, select: { seatsUsed: true } });
    expect(code.seatsUsed).toBe(9);
    expect(await db.codeRedemption.count({ where: { codeId: w.code.id } })).toBe(9);
    expect(await db.cohortMember.count({ where: { cohortId: w.cohortId } })).toBe(9);
  });
});
