// A vetting officer's work: checks due (a required check lapsed or lapsing within 60 days)
// and checks awaiting a result (pending or under review), in the officer's organizations.
import { db } from "~/modules/db/index.server.ts";
import { parseReasons, refreshStale, type AssignmentOrder, type AssignmentWhere } from "./readiness.server.ts";
import { STATUSES, type Reason, type Status } from "./status.ts";

export type WorkRow = {
  userId: string;
  name: string;
  orgId: string;
  orgName: string;
  profileId: string;
  status: Status;
  soonestLapse: Date | null;
  reasons: Reason[];
};
export type OfficerWork = { due: WorkRow[]; dueTotal: number; awaiting: WorkRow[]; awaitingTotal: number };

const hasReason = (...codes: string[]): AssignmentWhere => ({
  OR: codes.map((code) => ({ reasons: { contains: `"code":"${code}"` } })),
});

const SELECT = {
  userId: true,
  orgId: true,
  profileId: true,
  status: true,
  soonestLapse: true,
  reasons: true,
  user: { select: { name: true } },
  org: { select: { name: true } },
} as const;

export async function officerWork(input: {
  orgIds: readonly string[];
  now: Date;
  limit?: number;
}): Promise<OfficerWork> {
  const base = { orgId: { in: [...input.orgIds] }, endedAt: null };
  await refreshStale(base, input.now);
  const take = input.limit ?? 50;
  const due = { ...base, ...hasReason("check.expired", "check.expiring") };
  const awaiting = { ...base, ...hasReason("check.pending", "check.underReview") };
  const order: AssignmentOrder[] = [
    { statusRank: "asc" },
    { soonestLapse: { sort: "asc", nulls: "first" } },
    { user: { name: "asc" } },
  ];
  const [dueRows, dueTotal, awaitingRows, awaitingTotal] = await Promise.all([
    db.profileAssignment.findMany({ where: due, orderBy: order, take, select: SELECT }),
    db.profileAssignment.count({ where: due }),
    db.profileAssignment.findMany({ where: awaiting, orderBy: [{ user: { name: "asc" } }], take, select: SELECT }),
    db.profileAssignment.count({ where: awaiting }),
  ]);
  const shape = (r: (typeof dueRows)[number]): WorkRow => ({
    userId: r.userId,
    name: r.user.name,
    orgId: r.orgId,
    orgName: r.org.name,
    profileId: r.profileId,
    status: (STATUSES as readonly string[]).includes(r.status) ? (r.status as Status) : "pending",
    soonestLapse: r.soonestLapse,
    reasons: parseReasons(r.reasons),
  });
  return { due: dueRows.map(shape), dueTotal, awaiting: awaitingRows.map(shape), awaitingTotal };
}

export type UnassignedPerson = { userId: string; name: string; email: string; orgId: string; orgName: string };

/** Active members of the caller's organizations held to no profile there yet (by name, at most `limit`). */
export async function unassignedPeople(input: {
  orgIds: readonly string[];
  limit?: number;
}): Promise<{ people: UnassignedPerson[]; total: number }> {
  const orgIds = [...input.orgIds];
  const where = {
    orgId: { in: orgIds },
    user: { deactivatedAt: null, profileAssignments: { none: { endedAt: null, orgId: { in: orgIds } } } },
  };
  const [rows, total] = await Promise.all([
    db.membership.findMany({
      where,
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      take: input.limit ?? 100,
      select: { orgId: true, org: { select: { name: true } }, user: { select: { id: true, name: true, email: true } } },
    }),
    db.membership.count({ where }),
  ]);
  return {
    people: rows.map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      orgId: r.orgId,
      orgName: r.org.name,
    })),
    total,
  };
}
