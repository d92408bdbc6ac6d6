// The measurement behind docs/decisions/011-vetting-status.md: 10,000 people, each assigned a
// profile with three checks and two credentials; the derived table (listReadiness) against
// computing every status on read. Slow, so it runs only when asked:
//   VETTING_SCALE=1 npx vitest run tests/integration/vetting-scale.test.ts
import { describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { evaluate, listReadiness, refreshStaleReadiness, requirementsOf } from "~/modules/vetting/index.server.ts";
import { createOrg, resetDatabase } from "../helpers/factories.ts";

const PEOPLE = Number(process.env.VETTING_SCALE_PEOPLE ?? 10_000);
const DAY = 86_400_000;
const NOW = new Date("2026-06-01T12:00:00Z");
const KINDS = ["background-investigation", "polygraph", "control-de-confianza"];
const RESULTS = ["passed", "passed", "passed", "passed", "failed", "pending", "under_review"];

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(runs: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    ms.push(performance.now() - start);
  }
  return { p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)) };
}

describe.skipIf(!process.env.VETTING_SCALE)("vetting readiness at scale", () => {
  it("lists 10,000 people filtered and paginated within budget", async () => {
    await resetDatabase();
    const orgs = [await createOrg("us_agency"), await createOrg("mx_agency"), await createOrg("us_agency")];
    const seedStart = performance.now();
    const CHUNK = 1000;
    for (let start = 0; start < PEOPLE; start += CHUNK) {
      const ids = Array.from({ length: Math.min(CHUNK, PEOPLE - start) }, (_, k) => start + k);
      await db.user.createMany({
        data: ids.map((i) => ({
          id: `u${i}`,
          email: `p${i}@scale.test`,
          name: `Person ${String((i * 7919) % PEOPLE).padStart(5, "0")}`,
          passwordHash: "x",
        })),
      });
      await db.membership.createMany({ data: ids.map((i) => ({ userId: `u${i}`, orgId: orgs[i % 3]!.id })) });
      await db.profileAssignment.createMany({
        data: ids.map((i) => ({
          userId: `u${i}`,
          orgId: orgs[i % 3]!.id,
          profileId: "joint-team-agent",
          statusUntil: NOW,
        })),
      });
      await db.vettingCheck.createMany({
        data: ids.flatMap((i) =>
          KINDS.map((kind, k) => {
            const checkedOn = new Date(NOW.getTime() - ((i * 37 + k * 101) % 900) * DAY);
            const result = RESULTS[(i + k) % RESULTS.length]!;
            return {
              orgId: orgs[i % 3]!.id,
              userId: `u${i}`,
              kind,
              result,
              checkedOn,
              expiresOn: result === "passed" ? new Date(checkedOn.getTime() + 730 * DAY) : null,
              evidenceRef: `CASE-${i}-${k}`,
              recordedById: "seed",
            };
          }),
        ),
      });
      await db.credential.createMany({
        data: ids.flatMap((i) =>
          ["aml-core-certificate", "joint-operations-certificate"].map((achievementId, k) => {
            const validFrom = new Date(NOW.getTime() - ((i * 13 + k * 7) % 700) * DAY);
            return {
              id: `c${i}-${k}`,
              issueKey: `c${i}-${k}`,
              userId: `u${i}`,
              achievementId,
              contentVersion: "scale",
              lang: "en",
              issuedAt: validFrom,
              validFrom,
              validUntil: new Date(validFrom.getTime() + 730 * DAY),
              revocationListId: "r",
              suspensionListId: "s",
              statusListIndex: i * 2 + k,
              keyId: "k",
              signedJson: "{}",
            };
          }),
        ),
      });
    }
    const seeded = performance.now() - seedStart;
    const fullStart = performance.now();
    const recomputed = await refreshStaleReadiness({ orgId: { in: orgs.map((o) => o.id) } }, NOW);
    const full = performance.now() - fullStart;
    expect(recomputed).toBe(PEOPLE);

    const orgIds = orgs.map((o) => o.id);
    const sorts = ["name", "status", "lapse"] as const;
    const statuses = [undefined, "expiring", "failed", "pending"] as const;
    const derived = await timed(200, (i) =>
      listReadiness({
        orgIds,
        filter: {
          status: statuses[i % statuses.length],
          ...(i % 5 === 0 ? { country: "MX" } : {}),
          ...(i % 7 === 0 ? { orgId: orgIds[0] } : {}),
        },
        sort: sorts[i % 3]!,
        dir: i % 2 ? "asc" : "desc",
        page: 1 + (i % 20),
        pageSize: 25,
        now: NOW,
      }),
    );

    const base = { orgId: { in: orgIds }, endedAt: null };
    const phases = {
      staleCheck: await timed(30, () => refreshStaleReadiness(base, NOW)),
      pageByName: await timed(30, (i) =>
        db.profileAssignment.findMany({
          where: base,
          orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
          skip: (i % 20) * 25,
          take: 25,
          select: { id: true, user: { select: { name: true } } },
        }),
      ),
      pageByStatus: await timed(30, (i) =>
        db.profileAssignment.findMany({
          where: { ...base, status: "expiring" },
          orderBy: [{ statusRank: "asc" }, { soonestLapse: { sort: "asc", nulls: "last" } }, { user: { name: "asc" } }],
          skip: (i % 20) * 25,
          take: 25,
          select: { id: true },
        }),
      ),
      count: await timed(30, () => db.profileAssignment.count({ where: base })),
      groupBy: await timed(30, () =>
        db.profileAssignment.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
      ),
    };
    console.log(JSON.stringify(phases));

    // The alternative: read every assignment, check and credential, evaluate, sort, page.
    const onRead = await timed(5, async () => {
      const [assignments, checks, credentials] = await Promise.all([
        db.profileAssignment.findMany({
          where: { orgId: { in: orgIds }, endedAt: null },
          select: { userId: true, orgId: true, profileId: true, user: { select: { name: true } } },
        }),
        db.vettingCheck.findMany({
          where: { orgId: { in: orgIds } },
          select: {
            id: true,
            userId: true,
            orgId: true,
            kind: true,
            result: true,
            checkedOn: true,
            expiresOn: true,
            recordedAt: true,
            supersedesId: true,
          },
        }),
        db.credential.findMany({
          where: { user: { memberships: { some: { orgId: { in: orgIds } } } } },
          select: {
            userId: true,
            achievementId: true,
            validFrom: true,
            validUntil: true,
            revokedAt: true,
            suspendedAt: true,
          },
        }),
      ]);
      const byUser = <T extends { userId: string }>(rows: T[]) => {
        const map = new Map<string, T[]>();
        for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r]);
        return map;
      };
      const checksOf = byUser(checks);
      const credsOf = byUser(credentials);
      const rows = assignments.map((a) => ({
        ...a,
        ...evaluate({
          requirements: requirementsOf(a.profileId),
          checks: (checksOf.get(a.userId) ?? []).filter((c) => c.orgId === a.orgId),
          credentials: credsOf.get(a.userId) ?? [],
          now: NOW,
        }),
      }));
      return rows
        .filter((r) => r.status === "expiring")
        .sort((x, y) => x.user.name.localeCompare(y.user.name))
        .slice(0, 25);
    });
    console.log(
      JSON.stringify(
        {
          people: PEOPLE,
          seedMs: Math.round(seeded),
          fullRecomputeMs: Math.round(full),
          derived,
          computeOnRead: onRead,
        },
        null,
        2,
      ),
    );
    expect(derived.p95).toBeLessThan(150);
  }, 600_000);
});
