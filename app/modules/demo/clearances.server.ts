// The demo's clearance attestations, through the one issuance path (issueClearance, signed,
// audited), in each state for both partner agencies' shared profiles:
//   - current: the first two people cleared now under a shared profile;
//   - suspended by a lapse: a person whose check has since lapsed, given the profile's
//     training credentials (the population leaves such people without them) so that they
//     were cleared a while ago, and attested then: its suspension bit is the data's answer today;
//   - revoked: a third cleared person, attested and then revoked by the org admin.
import { getProfile } from "~/modules/content/index.server.ts";
import { issueClearance, issueCredentialAt, revokeClearance } from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { refreshStaleReadiness } from "~/modules/vetting/index.server.ts";
import { DEMO_EMAIL_DOMAIN } from "./policy.server.ts";

const DAY = 86_400_000;
const SHARED_PROFILES = ["joint-team-agent", "joint-team-supervisor"];

export type DemoClearances = { current: number; suspended: number; revoked: number };

const SIDES = [
  { org: "unidad-conjunta-analisis", officer: "vetting", admin: "orgadmin" },
  { org: "sw-financial-task-force", officer: "taskforce.vetting", admin: "taskforce.admin" },
] as const;

export async function seedDemoClearances(input: { orgIds: Map<string, string>; now?: Date }): Promise<DemoClearances> {
  const now = input.now ?? new Date();
  const made: DemoClearances = { current: 0, suspended: 0, revoked: 0 };
  const idOf = async (local: string) =>
    (await db.user.findUniqueOrThrow({ where: { email: `${local}@${DEMO_EMAIL_DOMAIN}` }, select: { id: true } })).id;
  for (const side of SIDES) {
    const orgId = input.orgIds.get(side.org)!;
    const officer = { id: await idOf(side.officer), orgIds: [orgId] };
    const admin = { id: await idOf(side.admin), orgIds: [orgId] };
    const where = { orgId, endedAt: null, profileId: { in: SHARED_PROFILES } };
    await refreshStaleReadiness(where, now);
    const rows = await db.profileAssignment.findMany({
      where: { ...where, status: { in: ["cleared", "lapsed"] } },
      select: { userId: true, profileId: true, status: true, reasons: true, user: { select: { email: true } } },
      orderBy: { user: { email: "asc" } },
    });
    const cleared = rows.filter((r) => r.status === "cleared").slice(0, 3);
    for (const [i, row] of cleared.entries()) {
      const issued = await issueClearance(officer, { userId: row.userId, orgId, profileId: row.profileId }, now);
      if (!issued.ok) throw new Error(`demo clearance: ${issued.reason}`);
      if (i < 2) made.current++;
      else {
        const revoked = await revokeClearance(
          admin,
          { clearanceId: issued.clearanceId, reason: "issued-in-error", note: "Demo: attested for the wrong profile." },
          now,
        );
        if (!revoked.ok) throw new Error(`demo clearance: ${revoked.reason}`);
        made.revoked++;
      }
    }
    // A lapsed person attested while still cleared: the latest earlier day that works.
    // (Readiness is asked at each earlier day first, so no refused attempt is logged.)
    const lapsedCheck = rows.filter(
      (r) =>
        r.status === "lapsed" &&
        (JSON.parse(r.reasons) as { code: string }[]).every(
          (x) => x.code === "check.expired" || x.code === "credential.missing",
        ),
    );
    lapsed: for (const row of lapsedCheck) {
      const key = { userId: row.userId, orgId, profileId: row.profileId };
      const since = new Date(now.getTime() - 200 * DAY);
      for (const achievementId of getProfile(row.profileId)?.credentials ?? [])
        await issueCredentialAt(row.userId, achievementId, since, since);
      for (const days of [10, 20, 30, 45, 60, 90, 120, 180]) {
        const then = new Date(now.getTime() - days * DAY);
        await refreshStaleReadiness({ ...key, endedAt: null }, then);
        const past = await db.profileAssignment.findFirst({ where: key, select: { status: true } });
        if (past?.status !== "cleared") continue;
        const issued = await issueClearance(officer, key, then);
        if (!issued.ok) throw new Error(`demo clearance: ${issued.reason}`);
        made.suspended++;
        break lapsed;
      }
    }
    // Issuing at earlier instants recomputed these rows for then: bring them back to now.
    await refreshStaleReadiness(where, now);
  }
  return made;
}
