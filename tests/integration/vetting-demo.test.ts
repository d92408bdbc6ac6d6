// The demo vetting population: a few hundred people across the demo organizations (US and
// Mexican agencies among them), every status and every reason, lapses in every month of the
// supervisor's outlook, and work on the demo vetting officer's home.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { seedDemoData } from "~/modules/demo/index.server.ts";
import { listReadiness, officerWork, readinessOutlook, STATUSES } from "~/modules/vetting/index.server.ts";
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
    expect(all.total).toBeGreaterThanOrEqual(300);
    expect(new Set(all.rows.map((r) => r.userId)).size).toBeGreaterThanOrEqual(300);
    // Every status, each in real numbers rather than a token row.
    for (const status of STATUSES) expect(all.counts[status], status).toBeGreaterThanOrEqual(20);
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

  it("spreads the people over every demo organization, US and Mexican agencies included", async () => {
    const orgs = await db.organization.findMany({
      select: { slug: true, kind: true, country: true, _count: { select: { profileAssignments: true } } },
    });
    for (const org of orgs) expect(org._count.profileAssignments, org.slug).toBeGreaterThanOrEqual(40);
    const agencies = orgs.filter((o) => o.kind === "us_agency" || o.kind === "mx_agency");
    expect(agencies.map((o) => o.country).sort()).toEqual(["MX", "US"]);
    for (const org of agencies) expect(org._count.profileAssignments, org.slug).toBeGreaterThanOrEqual(100);
  });

  it("shows lapses in every month of the 180-day outlook", async () => {
    const orgIds = (await db.organization.findMany({ select: { id: true } })).map((o) => o.id);
    const outlook = await readinessOutlook({ orgIds, filter: {}, now: new Date() });
    const DAY = 86_400_000;
    // A last month cut to its first day or two by the 180-day window may hold no lapse.
    const full = outlook.months.filter((m) => {
      const start = Math.max(Date.parse(`${m.month}-01T00:00:00Z`), outlook.from.getTime());
      return outlook.to.getTime() - start > 5 * DAY;
    });
    expect(full.length).toBeGreaterThanOrEqual(6);
    for (const month of full) expect(month.people, month.month).toBeGreaterThan(0);
    const total = outlook.months.reduce((n, m) => n + m.people, 0);
    expect(total).toBeGreaterThanOrEqual(100);
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
