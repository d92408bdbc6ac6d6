// What importing rows would do to the organization, computed from the database as it is now.
// The dry run stores this per row; applying a batch computes it again inside the batch's
// transaction and does exactly what it says, so the report and the outcome use one rule.
import type { Db, Tx } from "~/modules/db/index.server.ts";
import { fold } from "~/modules/text/index.ts";
import type { RowError, RowNote, RowPlan } from "./constants.ts";

export type Wanted = {
  line: number;
  name: string;
  email: string;
  language: "en" | "es";
  role: string;
  /** The cell as written (a cohort's id or name) … */
  cohort: string;
  /** … or, once resolved (at apply time), the cohort's id. */
  cohortId?: string | null;
};

export type CohortInfo = { id: string; name: string; archived: boolean; courseIds: string[] };

export type Person = {
  id: string;
  name: string;
  language: string;
  deactivated: boolean;
  membershipId: string | null;
  roles: Set<string>;
  pendingRoles: Set<string>;
  /** cohort id → removed from it (true) or in it (false) */
  cohorts: Map<string, boolean>;
  /** Cohorts the person is in through another organization (a joint cohort's other side). */
  otherOrgCohorts: Set<string>;
  courses: Set<string>;
};

export type Assessed = {
  line: number;
  plan: RowPlan;
  reason: RowError | null;
  notes: RowNote[];
  cohortId: string | null;
  /** Filled for rows that are not errors. */
  wanted?: Wanted;
  person?: Person | null;
  cohort?: CohortInfo;
};

type Client = Db | Tx;

const CHUNK = 500;

/**
 * The cohorts an organization's import may name: its own, and the joint cohorts it accepted
 * to partner in (its people join those through it). Scoped in the query itself.
 */
export async function orgCohorts(client: Client, orgId: string, ids?: string[]): Promise<CohortInfo[]> {
  const rows = await client.cohort.findMany({
    where: {
      ...(ids ? { id: { in: ids } } : {}),
      OR: [{ orgId }, { partners: { some: { orgId, status: "accepted" } } }],
    },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      courses: { select: { courseId: true }, orderBy: { position: "asc" } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    archived: c.archivedAt !== null,
    courseIds: c.courses.map((x) => x.courseId),
  }));
}

/** A cohort cell → the organization's cohort: by id, else by name (accents and case aside). */
export function resolveCohort(
  cell: string,
  cohorts: CohortInfo[],
): { ok: true; cohort: CohortInfo } | { ok: false; error: RowError } {
  const byId = cohorts.find((c) => c.id === cell);
  if (byId) return byId.archived ? { ok: false, error: "cohortArchived" } : { ok: true, cohort: byId };
  const wanted = fold(cell).replace(/\s+/g, " ").trim();
  const named = cohorts.filter((c) => fold(c.name).replace(/\s+/g, " ").trim() === wanted);
  const active = named.filter((c) => !c.archived);
  if (active.length === 1 && active[0]) return { ok: true, cohort: active[0] };
  if (active.length > 1) return { ok: false, error: "cohortAmbiguous" };
  return { ok: false, error: named.length > 0 ? "cohortArchived" : "cohortUnknown" };
}

/** The people of these addresses as the organization and its cohorts know them. */
export async function loadPeople(
  client: Client,
  orgId: string,
  emails: string[],
  cohortIds: string[],
  courseIds: string[],
): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  const now = new Date();
  for (let i = 0; i < emails.length; i += CHUNK) {
    const rows = await client.user.findMany({
      where: { email: { in: emails.slice(i, i + CHUNK) } },
      select: {
        id: true,
        email: true,
        name: true,
        language: true,
        deactivatedAt: true,
        memberships: { where: { orgId }, select: { id: true, roles: { select: { role: true } } } },
        invitations: { where: { orgId, acceptedAt: null, expiresAt: { gt: now } }, select: { role: true } },
        cohortMembers: {
          where: { cohortId: { in: cohortIds } },
          select: { cohortId: true, removedAt: true, orgId: true },
        },
        enrolments: { where: { courseId: { in: courseIds } }, select: { courseId: true } },
      },
    });
    for (const u of rows) {
      const membership = u.memberships[0];
      people.set(u.email, {
        id: u.id,
        name: u.name,
        language: u.language,
        deactivated: u.deactivatedAt !== null,
        membershipId: membership?.id ?? null,
        roles: new Set(membership?.roles.map((r) => r.role) ?? []),
        pendingRoles: new Set(u.invitations.map((x) => x.role)),
        cohorts: new Map(u.cohortMembers.map((m) => [m.cohortId, m.removedAt !== null])),
        otherOrgCohorts: new Set(
          u.cohortMembers.filter((m) => m.removedAt === null && m.orgId !== orgId).map((m) => m.cohortId),
        ),
        courses: new Set(u.enrolments.map((e) => e.courseId)),
      });
    }
  }
  return people;
}

/**
 * Rows (already checked cell by cell) against the database. Everyone in a file joins the
 * named cohort as a learner member of the organization and is enrolled in its courses; a
 * role above learner is offered by an invitation and takes effect once it is followed; a new
 * account is invited to choose its password. Account-wide fields (name, email, language) of
 * an existing person never change: a difference is noted instead.
 */
export async function assess(client: Client, orgId: string, wanted: Wanted[]): Promise<Assessed[]> {
  const resolvedIds = [...new Set(wanted.map((w) => w.cohortId).filter((x): x is string => !!x))];
  const cohorts = await orgCohorts(client, orgId, wanted.every((w) => w.cohortId) ? resolvedIds : undefined);
  const resolved = wanted.map((w) => {
    if (w.cohortId) {
      const c = cohorts.find((x) => x.id === w.cohortId);
      if (!c) return { ok: false as const, error: "cohortUnknown" as const };
      return c.archived ? { ok: false as const, error: "cohortArchived" as const } : { ok: true as const, cohort: c };
    }
    return resolveCohort(w.cohort, cohorts);
  });
  const usedCohorts = [...new Set(resolved.flatMap((r) => (r.ok ? [r.cohort] : [])))];
  const people = await loadPeople(
    client,
    orgId,
    [...new Set(wanted.map((w) => w.email))],
    usedCohorts.map((c) => c.id),
    [...new Set(usedCohorts.flatMap((c) => c.courseIds))],
  );
  // Addresses that a row before this one (in the file) creates an account for.
  const createdBy = new Map<string, number>();
  return wanted.map((w, i): Assessed => {
    const r = resolved[i] ?? { ok: false as const, error: "cohortUnknown" as const };
    if (!r.ok) return { line: w.line, plan: "error", reason: r.error, notes: [], cohortId: null };
    const cohort = r.cohort;
    const person = people.get(w.email) ?? null;
    const base = { line: w.line, reason: null, cohortId: cohort.id, wanted: w, person, cohort };
    const staff = w.role !== "learner";
    if (person?.deactivated) return { ...base, plan: "error", reason: "accountDeactivated", notes: [] };
    // In a joint cohort each organization enrols its own people: someone already in it
    // through the other side stays theirs.
    if (person?.otherOrgCohorts.has(cohort.id))
      return { ...base, plan: "error", reason: "inCohortOtherOrg", notes: [] };
    if (!person) {
      const first = createdBy.get(w.email);
      if (first === undefined) {
        createdBy.set(w.email, w.line);
        const notes: RowNote[] = [{ code: "createsAccount" }, { code: "joinsCohort" }];
        if (cohort.courseIds.length > 0) notes.push({ code: "enrolsCourses" });
        notes.push(staff ? { code: "invitesRole", role: w.role } : { code: "sendsInvitation" });
        return { ...base, plan: "new", notes };
      }
      const notes: RowNote[] = [{ code: "sameAccountAs", line: first }, { code: "joinsCohort" }];
      if (cohort.courseIds.length > 0) notes.push({ code: "enrolsCourses" });
      return { ...base, plan: "change", notes };
    }
    const changes: RowNote[] = [];
    if (!person.membershipId) changes.push({ code: "joinsOrg" });
    else if (!person.roles.has("learner")) changes.push({ code: "becomesLearner" });
    const inCohort = person.cohorts.get(cohort.id);
    if (inCohort === undefined) changes.push({ code: "joinsCohort" });
    else if (inCohort) changes.push({ code: "rejoinsCohort" });
    if (cohort.courseIds.some((c) => !person.courses.has(c))) changes.push({ code: "enrolsCourses" });
    const info: RowNote[] = [];
    if (staff) {
      if (person.roles.has(w.role)) info.push({ code: "hasRole", role: w.role });
      else if (person.pendingRoles.has(w.role)) info.push({ code: "alreadyInvited", role: w.role });
      else changes.push({ code: "invitesRole", role: w.role });
    }
    if (person.name !== w.name) info.push({ code: "nameDiffers" });
    if (person.language !== w.language) info.push({ code: "languageDiffers" });
    return { ...base, plan: changes.length > 0 ? "change" : "member", notes: [...changes, ...info] };
  });
}
