// The audit chain stays one line under concurrency, is written with the change it records,
// outlives the people it mentions, and `npm run audit:verify` names the first broken link.
// Runs on SQLite and, with TEST_PG_URL, on PostgreSQL (where appends really run in parallel).
import { execFile } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { createOrg, createUser, resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const root = path.resolve(__dirname, "../..");

function auditVerify() {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/audit/verify.ts"],
      { cwd: root, env: process.env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const events = () =>
  db.auditEvent.findMany({
    orderBy: { seq: "asc" },
    select: { seq: true, actorId: true, subject: true, data: true, prevHash: true, hash: true },
  });

/** `count` role grants to different people, all at once. */
async function concurrentGrants(count: number) {
  const [org, admin] = await Promise.all([createOrg(), createUser({ admin: true })]);
  const people = await Promise.all(Array.from({ length: count }, () => createUser()));
  const granted = await Promise.all(people.map((p) => grantRole(admin.id, p.id, org.id, "learner")));
  expect(granted.every(Boolean)).toBe(true);
  return { org, admin, people };
}

describe("audit chain", () => {
  it("50 concurrent audited changes make one unbroken chain, and audit:verify says so", async () => {
    await concurrentGrants(50);
    const chain = await events();
    expect(chain).toHaveLength(50);
    expect(new Set(chain.map((e) => e.prevHash)).size).toBe(50);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(await verifyAuditChain()).toEqual({ events: 50, brokenAt: null, problem: null });
    const run = await auditVerify();
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("audit chain OK: 50 events");
  }, 60_000);

  it("an audit event is written in the transaction of its change: no event, no change", async () => {
    const [org, admin, person] = await Promise.all([createOrg(), createUser({ admin: true }), createUser()]);
    await db.auditHead.delete({ where: { id: 1 }, select: { id: true } });
    await expect(grantRole(admin.id, person.id, org.id, "learner")).rejects.toThrow();
    expect(await db.membership.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("stores ids, not names or addresses, so removing a person leaves the chain whole", async () => {
    const { people } = await concurrentGrants(3);
    const gone = people[1]!;
    await db.user.delete({ where: { id: gone.id }, select: { id: true } });
    const text = JSON.stringify(await events());
    expect(text).toContain(gone.id);
    expect(text).not.toContain(gone.email);
    expect(text).not.toContain(gone.name);
    expect(await verifyAuditChain()).toMatchObject({ events: 3, problem: null });
  });

  it("audit:verify fails naming the event altered or deleted", async () => {
    await concurrentGrants(5);
    const [, second, third] = await events();

    await db.auditEvent.update({
      where: { seq: second!.seq },
      data: { data: '{"role":"admin"}' },
      select: { seq: true },
    });
    const altered = await auditVerify();
    expect(altered.code).toBe(1);
    expect(altered.stderr.trim()).toBe(
      `audit chain broken at event ${second!.seq}: event ${second!.seq} was altered: its hash does not match its content`,
    );
    await db.auditEvent.update({ where: { seq: second!.seq }, data: { data: second!.data }, select: { seq: true } });
    expect((await verifyAuditChain()).problem).toBeNull();

    await db.auditEvent.delete({ where: { seq: third!.seq }, select: { seq: true } });
    const deleted = await auditVerify();
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain(`audit chain broken at event ${third!.seq}: event ${third!.seq} is missing`);
  }, 60_000);

  it("notices events deleted from the end of the chain", async () => {
    await concurrentGrants(4);
    const chain = await events();
    const last = chain.at(-1)!;
    await db.auditEvent.delete({ where: { seq: last.seq }, select: { seq: true } });
    expect(await verifyAuditChain()).toMatchObject({ brokenAt: last.seq });
    expect((await verifyAuditChain()).problem).toContain("events at its end were deleted");
  });
});
