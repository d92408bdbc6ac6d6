// The demo vetting population: every status and every reason appear, the demo vetting
// officer has work on their home, and the rows agree with the rules at the seed date.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { seedDemoData } from "~/modules/demo/index.server.ts";
import { listReadiness, officerWork, STATUSES } from "~/modules/vetting/index.server.ts";
import { resetDatabase } from "../helpers/factories.ts";

describe("demo vetting population", () => {
  beforeAll(async () => {
    await resetDatabase();
    expect(await seedDemoData()).toBe(true);
  }, 600_000);

  it("puts people in every status, for every reason", async () => {
    const orgIds = (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
    const all = await listReadiness({
      orgIds,
      filter: {},
      sort: "status",
      dir: "asc",
      page: 1,
      pageSize: 500,
      now: new Date(),
    });
    expect(all.total).toBeGreaterThanOrEqual(100);
    for (const status of STATUSES) expect(all.counts[status], status).toBeGreaterThan(0);
    const codes = new Set(all.rows.flatMap((r) => r.reasons.map((x) => x.code)));
    expect([...codes].sort()).toEqual(
      [
        "check.expired",
        "check.expiring",
        "check.failed",
        "check.missing",
        "check.pending",
        "check.underReview",
        "credential.expired",
        "credential.expiring",
        "credential.missing",
        "credential.revoked",
        "credential.suspended",
      ].sort(),
    );
    expect(await db.vettingCheck.count({ where: { supersedesId: { not: null } } })).toBeGreaterThan(0);
  });

  it("gives the demo vetting officer checks due and awaiting a result", async () => {
    const officer = await db.user.findUniqueOrThrow({
      where: { email: "vetting@demo.puente.test" },
      select: { memberships: { select: { orgId: true } } },
    });
    const work = await officerWork({ orgIds: officer.memberships.map((m) => m.orgId), now: new Date() });
    expect(work.dueTotal).toBeGreaterThan(0);
    expect(work.awaitingTotal).toBeGreaterThan(0);
  });
});
