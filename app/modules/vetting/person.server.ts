// One person's vetting record as the caller may see it: only through the caller's
// organizations (the id from the URL is scoped in the query itself).
import { db } from "~/modules/db/index.server.ts";
import { parseReasons, refreshStale } from "./readiness.server.ts";
import { STATUSES, type Reason, type Status } from "./status.ts";

export type PersonAssignment = {
  id: string;
  orgId: string;
  profileId: string;
  assignedAt: Date;
  endedAt: Date | null;
  status: Status;
  soonestLapse: Date | null;
  reasons: Reason[];
};
export type PersonCheck = {
  id: string;
  orgId: string;
  kind: string;
  result: string;
  checkedOn: Date;
  expiresOn: Date | null;
  evidenceRef: string;
  recordedAt: Date;
  recordedBy: { id: string; name: string } | null;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
};
export type PersonCredential = {
  id: string;
  achievementId: string;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  suspendedAt: Date | null;
};
export type PersonVetting = {
  person: { id: string; name: string; email: string };
  /** The person's organizations among the caller's. */
  orgs: { id: string; name: string; country: string }[];
  assignments: PersonAssignment[];
  /** Newest first, superseded entries included. */
  checks: PersonCheck[];
  credentials: PersonCredential[];
};

export async function personVetting(input: {
  orgIds: readonly string[];
  userId: string;
  now: Date;
}): Promise<PersonVetting | null> {
  const orgIds = [...input.orgIds];
  const person = await db.user.findFirst({
    where: { id: input.userId, memberships: { some: { orgId: { in: orgIds } } } },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: {
        where: { orgId: { in: orgIds } },
        select: { org: { select: { id: true, name: true, country: true } } },
        orderBy: { org: { name: "asc" } },
      },
    },
  });
  if (!person) return null;
  await refreshStale({ userId: person.id, orgId: { in: orgIds } }, input.now);
  const [assignments, checks, credentials] = await Promise.all([
    db.profileAssignment.findMany({
      where: { userId: person.id, orgId: { in: orgIds } },
      orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { profileId: "asc" }],
      select: {
        id: true,
        orgId: true,
        profileId: true,
        assignedAt: true,
        endedAt: true,
        status: true,
        soonestLapse: true,
        reasons: true,
      },
    }),
    db.vettingCheck.findMany({
      where: { userId: person.id, orgId: { in: orgIds } },
      orderBy: [{ checkedOn: "desc" }, { recordedAt: "desc" }],
      select: {
        id: true,
        orgId: true,
        kind: true,
        result: true,
        checkedOn: true,
        expiresOn: true,
        evidenceRef: true,
        recordedAt: true,
        recordedById: true,
        supersedesId: true,
        correctionReason: true,
      },
    }),
    db.credential.findMany({
      where: { userId: person.id },
      orderBy: { validUntil: "desc" },
      select: { id: true, achievementId: true, validFrom: true, validUntil: true, revokedAt: true, suspendedAt: true },
    }),
  ]);
  const recorderIds = [...new Set(checks.map((c) => c.recordedById))];
  const recorders = await db.user.findMany({ where: { id: { in: recorderIds } }, select: { id: true, name: true } });
  const recorderOf = new Map(recorders.map((r) => [r.id, r]));
  const supersededBy = new Map(checks.filter((c) => c.supersedesId).map((c) => [c.supersedesId!, c.id]));
  return {
    person: { id: person.id, name: person.name, email: person.email },
    orgs: person.memberships.map((m) => m.org),
    assignments: assignments.map((a) => ({
      ...a,
      status: (STATUSES as readonly string[]).includes(a.status) ? (a.status as Status) : "pending",
      reasons: a.endedAt ? [] : parseReasons(a.reasons),
    })),
    checks: checks.map(({ recordedById, ...c }) => ({
      ...c,
      recordedBy: recorderOf.get(recordedById) ?? null,
      supersededById: supersededBy.get(c.id) ?? null,
    })),
    credentials,
  };
}
