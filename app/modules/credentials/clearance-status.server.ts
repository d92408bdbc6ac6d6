// Whether a clearance's requirements are met now, straight from the vetting read model: the
// suspension bit of every clearance attestation, the verification page and the holder's page
// all ask here, so they agree. Time alone can flip the answer (a check lapses), so the answer
// carries the instant it stops holding.
import { db } from "~/modules/db/index.server.ts";
import { refreshStaleReadiness } from "~/modules/vetting/index.server.ts";
import { forgetStatusLists } from "./status-lists.server.ts";

/** The longest a signed suspension list holding clearances is trusted without a recount. */
export const CLEARANCE_LIST_TTL_MS = 5 * 60_000;

/** "Cleared" means the assignment's status is cleared or expiring (decision 015). */
export const MET_STATUSES: readonly string[] = ["cleared", "expiring"];

export type ClearanceKey = { userId: string; orgId: string; profileId: string };
export type Standing = { met: boolean; status: string | null; soonestLapse: Date | null; until: Date | null };

const keyOf = (k: ClearanceKey) => `${k.userId}|${k.orgId}|${k.profileId}`;

/**
 * The standing of each person × organization × profile at `now` (readiness rows whose window
 * does not hold `now` are recomputed first). No active assignment → not met.
 */
export async function standings(keys: readonly ClearanceKey[], now: Date): Promise<Map<string, Standing>> {
  const out = new Map<string, Standing>();
  if (keys.length === 0) return out;
  // IN lists rather than one OR per key (SQLite caps expression depth at 1,000), then exact keys.
  const wanted = new Set(keys.map(keyOf));
  const where = {
    endedAt: null,
    userId: { in: [...new Set(keys.map((k) => k.userId))] },
    orgId: { in: [...new Set(keys.map((k) => k.orgId))] },
    profileId: { in: [...new Set(keys.map((k) => k.profileId))] },
  };
  await refreshStaleReadiness(where, now);
  const rows = await db.profileAssignment.findMany({
    where,
    select: { userId: true, orgId: true, profileId: true, status: true, soonestLapse: true, statusUntil: true },
  });
  for (const row of rows)
    if (wanted.has(keyOf(row)))
      out.set(keyOf(row), {
        met: MET_STATUSES.includes(row.status),
        status: row.status,
        soonestLapse: row.soonestLapse,
        until: row.statusUntil,
      });
  for (const k of keys)
    if (!out.has(keyOf(k))) out.set(keyOf(k), { met: false, status: null, soonestLapse: null, until: null });
  return out;
}

export const standingOf = (map: Map<string, Standing>, key: ClearanceKey) => map.get(keyOf(key))!;

/**
 * The indices of clearance attestations suspended in a suspension list at `now` (requirements
 * not met), and until when that answer holds: the next readiness change, at most 5 minutes
 * ahead. `until` is null when the list holds no clearance (it then changes only by version).
 */
export async function clearanceSuspensions(
  suspensionListId: string,
  now: Date,
): Promise<{ indices: number[]; until: Date | null }> {
  const rows = await db.clearanceAttestation.findMany({
    where: { suspensionListId },
    select: { statusListIndex: true, clearance: { select: { userId: true, orgId: true, profileId: true } } },
  });
  if (rows.length === 0) return { indices: [], until: null };
  const unique = [...new Map(rows.map((r) => [keyOf(r.clearance), r.clearance])).values()];
  const map = new Map<string, Standing>();
  for (let i = 0; i < unique.length; i += 200)
    for (const [k, v] of await standings(unique.slice(i, i + 200), now)) map.set(k, v);
  let until = now.getTime() + CLEARANCE_LIST_TTL_MS;
  for (const s of map.values()) if (s.until && s.until > now) until = Math.min(until, s.until.getTime());
  return {
    indices: rows.filter((r) => !standingOf(map, r.clearance).met).map((r) => r.statusListIndex),
    until: new Date(until),
  };
}

/**
 * After a vetting change about a person (a check recorded, corrected or renewed, an assignment
 * made or ended): the suspension lists holding their clearances are recounted at their next
 * read instead of at the end of their time window, so the change shows at once.
 */
export async function clearanceDataChanged(userId: string, now = new Date()): Promise<void> {
  const rows = await db.clearanceAttestation.findMany({
    where: { clearance: { userId } },
    select: { suspensionListId: true },
    distinct: ["suspensionListId"],
  });
  const ids = rows.map((r) => r.suspensionListId);
  if (ids.length === 0) return;
  await db.statusList.updateMany({ where: { id: { in: ids } }, data: { signedUntil: now } });
  for (const id of ids) forgetStatusLists(id);
}
