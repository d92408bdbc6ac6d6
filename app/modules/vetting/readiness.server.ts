// The readiness read model: each profile assignment row carries its derived status, reasons,
// soonest lapse and the instant it next changes by time alone (docs/decisions/011). Every
// change that affects a person calls refreshPerson(tx, …) in its own transaction; reads first
// recompute the rows whose [statusAt, statusUntil) window does not hold `now`.
import { getProfile } from "~/modules/content/index.server.ts";
import { db, type Db, type Tx } from "~/modules/db/index.server.ts";
import {
  evaluate,
  STATUS_RANK,
  STATUSES,
  type CheckFact,
  type CredentialFact,
  type Evaluation,
  type Lapse,
  type Reason,
  type Requirements,
  type Status,
} from "./status.ts";

/** The last page a list is read to; a larger number reads as this one. */
const MAX_PAGE = 1_000_000;

type FindArgs = NonNullable<Parameters<Db["profileAssignment"]["findMany"]>[0]>;
export type AssignmentWhere = NonNullable<FindArgs["where"]>;
export type AssignmentOrder = Extract<NonNullable<FindArgs["orderBy"]>, readonly unknown[]>[number];

const CHECK_FACTS = {
  id: true,
  orgId: true,
  kind: true,
  result: true,
  checkedOn: true,
  expiresOn: true,
  recordedAt: true,
  supersedesId: true,
} as const;
const CREDENTIAL_FACTS = {
  userId: true,
  achievementId: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  suspendedAt: true,
} as const;

type AssignmentKey = { id: string; userId: string; orgId: string; profileId: string; statusVersion: number };
type OrgCheck = CheckFact & { orgId: string };

/** What a profile requires; a profile no longer in content requires nothing it can name. */
export function requirementsOf(profileId: string): Requirements {
  const profile = getProfile(profileId);
  return profile ? { credentials: profile.credentials, checks: profile.checks } : { credentials: [], checks: [] };
}

function derived(ev: Evaluation, now: Date) {
  return {
    status: ev.status,
    statusRank: STATUS_RANK[ev.status],
    soonestLapse: ev.soonestLapse,
    reasons: JSON.stringify(ev.reasons),
    lapses: JSON.stringify(ev.lapses),
    statusAt: now,
    statusUntil: ev.nextChangeAt,
  };
}

/** An assignment in an organization is judged by the checks that organization recorded. */
function evaluateAssignment(
  a: { orgId: string; profileId: string },
  checks: readonly OrgCheck[],
  credentials: readonly CredentialFact[],
  now: Date,
): Evaluation {
  return evaluate({
    requirements: requirementsOf(a.profileId),
    checks: checks.filter((c) => c.orgId === a.orgId),
    credentials,
    now,
  });
}

/**
 * Recomputes every active assignment of a person inside the transaction of the change that
 * affected them (a check, an assignment, a credential issued, revoked, suspended or reinstated).
 */
export async function refreshPerson(tx: Tx, userId: string, now: Date): Promise<void> {
  const assignments = await tx.profileAssignment.findMany({
    where: { userId, endedAt: null },
    select: { id: true, orgId: true, profileId: true },
  });
  if (assignments.length === 0) return;
  const [checks, credentials] = await Promise.all([
    tx.vettingCheck.findMany({ where: { userId }, select: CHECK_FACTS }),
    tx.credential.findMany({ where: { userId }, select: CREDENTIAL_FACTS }),
  ]);
  for (const a of assignments) {
    await tx.profileAssignment.update({
      where: { id: a.id },
      data: { ...derived(evaluateAssignment(a, checks, credentials, now), now), statusVersion: { increment: 1 } },
      select: { id: true },
    });
  }
}

const CHUNK = 400;

/**
 * Rows whose stored window does not hold `now` (time moved past statusUntil, or a caller
 * asks about an earlier instant than the row was computed at) are recomputed before a read.
 * A row changed meanwhile by a transaction (statusVersion moved on) is left to that change.
 */
export async function refreshStale(where: AssignmentWhere, now: Date): Promise<number> {
  // Two range scans on (orgId, endedAt, statusUntil|statusAt) rather than one OR, which
  // would read every row.
  const select = { id: true, userId: true, orgId: true, profileId: true, statusVersion: true } as const;
  const [expired, ahead] = await Promise.all([
    db.profileAssignment.findMany({ where: { AND: [where, { endedAt: null, statusUntil: { lte: now } }] }, select }),
    db.profileAssignment.findMany({ where: { AND: [where, { endedAt: null, statusAt: { gt: now } }] }, select }),
  ]);
  const stale: AssignmentKey[] = [...new Map([...expired, ...ahead].map((a) => [a.id, a])).values()];
  for (let i = 0; i < stale.length; i += CHUNK) {
    const part = stale.slice(i, i + CHUNK);
    const userIds = [...new Set(part.map((a) => a.userId))];
    const [checks, credentials] = await Promise.all([
      db.vettingCheck.findMany({ where: { userId: { in: userIds } }, select: { ...CHECK_FACTS, userId: true } }),
      db.credential.findMany({ where: { userId: { in: userIds } }, select: CREDENTIAL_FACTS }),
    ]);
    const checksOf = groupBy(checks, (c) => c.userId);
    const credentialsOf = groupBy(credentials, (c) => c.userId);
    await db.$transaction(
      part.map((a) =>
        db.profileAssignment.updateMany({
          where: { id: a.id, statusVersion: a.statusVersion },
          data: {
            ...derived(
              evaluateAssignment(a, checksOf.get(a.userId) ?? [], credentialsOf.get(a.userId) ?? [], now),
              now,
            ),
            statusVersion: { increment: 1 },
          },
        }),
      ),
    );
  }
  return stale.length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export type ReadinessFilter = { orgId?: string; profileId?: string; status?: Status; country?: string };
export type ReadinessSort = "name" | "status" | "lapse";
export type ReadinessRow = {
  userId: string;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
  orgCountry: string;
  profileId: string;
  status: Status;
  soonestLapse: Date | null;
  reasons: Reason[];
};
export type Readiness = { rows: ReadinessRow[]; total: number; counts: Record<Status, number> };

const asStatus = (value: string): Status =>
  (STATUSES as readonly string[]).includes(value) ? (value as Status) : "pending";
export const parseReasons = (json: string): Reason[] => JSON.parse(json) as Reason[];

/** Active assignments in the caller's organizations (a filter's orgId outside them matches nothing). */
function scopedWhere(orgIds: readonly string[], filter: Omit<ReadinessFilter, "status">) {
  const orgs = filter.orgId ? orgIds.filter((id) => id === filter.orgId) : [...orgIds];
  return {
    orgId: { in: orgs },
    endedAt: null,
    ...(filter.profileId ? { profileId: filter.profileId } : {}),
    ...(filter.country ? { org: { country: filter.country } } : {}),
  } satisfies AssignmentWhere;
}

function orderOf(sort: ReadinessSort, dir: "asc" | "desc"): AssignmentOrder[] {
  const byName: AssignmentOrder[] = [{ user: { name: "asc" } }, { id: "asc" }];
  if (sort === "status") return [{ statusRank: dir }, { soonestLapse: { sort: "asc", nulls: "last" } }, ...byName];
  if (sort === "lapse") return [{ soonestLapse: { sort: dir, nulls: "last" } }, ...byName];
  return [{ user: { name: dir } }, { id: "asc" }];
}

/**
 * One row per person × active profile assignment in the caller's organizations, filtered,
 * sorted and paginated in the database. `counts` honors every filter except status, so a
 * dashboard can show how many of the filtered people are in each status.
 */
export async function listReadiness(input: {
  orgIds: readonly string[];
  filter: ReadinessFilter;
  sort: ReadinessSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  now: Date;
}): Promise<Readiness> {
  const base = scopedWhere(input.orgIds, input.filter);
  await refreshStale(base, input.now);
  const where = input.filter.status ? { ...base, status: input.filter.status } : base;
  const pageSize = Math.max(1, Math.min(500, Math.floor(input.pageSize)));
  // A page number past any page (`?page=1e23`) is still an integer, but its skip is not one the
  // database takes: a bound, not a 500 (issue 18).
  const page = Number.isFinite(input.page) ? Math.min(MAX_PAGE, Math.max(1, Math.floor(input.page))) : 1;
  const [rows, total, groups] = await Promise.all([
    db.profileAssignment.findMany({
      where,
      orderBy: orderOf(input.sort, input.dir),
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        userId: true,
        orgId: true,
        profileId: true,
        status: true,
        soonestLapse: true,
        reasons: true,
        user: { select: { name: true, email: true } },
        org: { select: { name: true, country: true } },
      },
    }),
    db.profileAssignment.count({ where }),
    db.profileAssignment.groupBy({ by: ["statusRank"], where: base, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const g of groups) {
    const status = STATUSES[g.statusRank];
    if (status) counts[status] += g._count._all;
  }
  return {
    rows: rows.map((r) => ({
      userId: r.userId,
      name: r.user.name,
      email: r.user.email,
      orgId: r.orgId,
      orgName: r.org.name,
      orgCountry: r.org.country,
      profileId: r.profileId,
      status: asStatus(r.status),
      soonestLapse: r.soonestLapse,
      reasons: parseReasons(r.reasons),
    })),
    total,
    counts,
  };
}

export type LapseRow = { userId: string; orgId: string; profileId: string; date: Date; reason: Reason };

/**
 * Every coverage end of a currently met requirement in [from, to), for the people of the
 * caller's organizations: the outlook and the reminders. Windows start at or after `now`
 * (a lapse already past shows as the status "lapsed"); `now` defaults to `from`.
 */
export async function lapsesBetween(input: {
  orgIds: readonly string[];
  from: Date;
  to: Date;
  filter?: ReadinessFilter;
  now?: Date;
}): Promise<LapseRow[]> {
  const filter = input.filter ?? {};
  const base = scopedWhere(input.orgIds, filter);
  await refreshStale(base, input.now ?? input.from);
  const rows = await db.profileAssignment.findMany({
    where: { ...base, ...(filter.status ? { status: filter.status } : {}), soonestLapse: { not: null, lt: input.to } },
    select: { userId: true, orgId: true, profileId: true, lapses: true },
  });
  const out: LapseRow[] = [];
  for (const r of rows)
    for (const lapse of JSON.parse(r.lapses) as Lapse[]) {
      const date = new Date(lapse.date);
      if (date >= input.from && date < input.to)
        out.push({ userId: r.userId, orgId: r.orgId, profileId: r.profileId, date, reason: lapse.reason });
    }
  return out.sort((a, b) => a.date.getTime() - b.date.getTime() || a.userId.localeCompare(b.userId));
}
