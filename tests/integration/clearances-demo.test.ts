// The demo's clearance attestations: each state on both partner agencies, through the one
// issuance path, and a counterpart's clearance the Mexican supervisor reaches through the
// agreement in force (the browser test follows that link).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { clearanceLinks, clearanceVerifyPage } from "~/modules/credentials/index.server.ts";
import { seedDemoData } from "~/modules/demo/index.server.ts";
import { sharedPeople } from "~/modules/sharing/index.server.ts";
import { resetDatabase } from "../helpers/factories.ts";

describe("demo clearances", () => {
  beforeAll(async () => {
    await resetDatabase();
    expect(await seedDemoData()).toBe(true);
  }, 600_000);

  it("has clearances current, suspended by a lapse and revoked on both sides", async () => {
    const links = await db.clearance.findMany({ select: { id: true, orgId: true } });
    const states = new Map<string, string[]>();
    for (const link of links) {
      const page = await clearanceVerifyPage(link.id, "es");
      const list = states.get(link.orgId) ?? [];
      list.push(page!.verdict.state);
      states.set(link.orgId, list);
    }
    expect(states.size).toBe(2);
    for (const list of states.values()) {
      expect(list.filter((s) => s === "valid" || s === "expiring")).toHaveLength(2);
      expect(list.filter((s) => s === "suspended")).toHaveLength(1);
      expect(list.filter((s) => s === "revoked")).toHaveLength(1);
    }
    expect(await db.securityEvent.count({ where: { kind: { startsWith: "clearance." } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "clearance.issued" } })).toBe(8);
  });

  it("shows the Mexican supervisor a task force person's clearance through the agreement", async () => {
    const mx = await db.organization.findFirstOrThrow({
      where: { slug: "unidad-conjunta-analisis" },
      select: { id: true },
    });
    const views = await sharedPeople([mx.id]);
    const keys = views.flatMap((v) =>
      v.people.map((p) => ({ userId: p.userId, orgId: v.grantor.id, profileId: p.profileId })),
    );
    const links = await clearanceLinks(keys);
    expect(links.size).toBeGreaterThanOrEqual(3);
  });
});
