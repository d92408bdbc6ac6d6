// The demo vetting population: 360 people across the four demo organizations (US and Mexican
// agencies, a law school, a bar association), held to requirement profiles, with checks and
// credentials that put them in every status for every reason and lapses spread over the
// supervisor's 180-day outlook. Deterministic relative to the seed date: person n always gets
// scenario n % 20. People and their memberships are written in batches (one transaction per
// batch, the audit events included), so the seed stays fast at this size.
// Credentials come through the credentials module's issuance path (signed); checks and
// assignments through the vetting module's bulk history (with their audit events).
import { searchTextOf } from "~/modules/auth/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { issueCredentialAt, revokeCredential, suspendCredential } from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRoleInTx } from "~/modules/orgs/index.server.ts";
import {
  addMonths,
  recordHistory,
  refreshStaleReadiness,
  type HistoryAssignment,
  type HistoryCheck,
} from "~/modules/vetting/index.server.ts";
import { DEMO_EMAIL_DOMAIN } from "./policy.server.ts";

const DAY = 86_400_000;

const NAMES = {
  es: {
    first: [
      "Alejandra",
      "Bruno",
      "Carmen",
      "Diego",
      "Elena",
      "Fausto",
      "Gabriela",
      "Héctor",
      "Inés",
      "Jorge",
      "Karla",
      "Luis",
      "Marisol",
      "Nicolás",
      "Olga",
      "Pablo",
      "Rocío",
      "Sergio",
      "Tania",
      "Ulises",
    ],
    last: [
      "Aguirre",
      "Barrera",
      "Cárdenas",
      "Durán",
      "Escobar",
      "Fuentes",
      "Galván",
      "Herrera",
      "Islas",
      "Juárez",
      "Lozano",
      "Montes",
      "Noriega",
      "Ochoa",
      "Pacheco",
      "Quiroga",
      "Robles",
      "Solís",
      "Treviño",
      "Valdez",
    ],
  },
  en: {
    first: [
      "Aaron",
      "Bethany",
      "Caleb",
      "Diana",
      "Ethan",
      "Fiona",
      "Grant",
      "Hannah",
      "Isaac",
      "Jenna",
      "Kyle",
      "Lauren",
      "Miles",
      "Nora",
      "Owen",
      "Paige",
      "Quentin",
      "Rachel",
      "Seth",
      "Tessa",
    ],
    last: [
      "Abbott",
      "Barker",
      "Coleman",
      "Dawson",
      "Ellison",
      "Fletcher",
      "Garrison",
      "Hayes",
      "Ingram",
      "Jennings",
      "Keller",
      "Lawson",
      "Maddox",
      "Norris",
      "Osborne",
      "Prescott",
      "Quinn",
      "Rhodes",
      "Sutton",
      "Tate",
    ],
  },
};

/** How many people each demo organization gets, under which profiles, in which language. */
const GROUPS = [
  {
    org: "unidad-conjunta-analisis",
    lang: "es",
    count: 150,
    profiles: ["joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-supervisor"],
  },
  {
    org: "sw-financial-task-force",
    lang: "en",
    count: 110,
    profiles: ["joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-supervisor"],
  },
  { org: "facultad-derecho-frontera", lang: "es", count: 60, profiles: ["legal-practitioner"] },
  { org: "border-bar-association", lang: "en", count: 40, profiles: ["legal-practitioner"] },
] as const;

/** Scenario n % 20: what is true of the person on the seed date. */
type Scenario =
  | "cleared"
  | "expiringCheck"
  | "expiringCredential"
  | "lapsedCheck"
  | "lapsedCredential"
  | "pendingCheck"
  | "underReview"
  | "missingCheck"
  | "failedCheck"
  | "missingCredential"
  | "revokedCredential"
  | "suspendedCredential"
  | "corrected"
  | "renewedWithRecheck";
const SCENARIOS: Scenario[] = [
  "cleared",
  "cleared",
  "cleared",
  "expiringCheck",
  "expiringCredential",
  "corrected",
  "renewedWithRecheck",
  "lapsedCredential",
  "revokedCredential",
  "suspendedCredential",
  "lapsedCheck",
  "pendingCheck",
  "underReview",
  "missingCheck",
  "failedCheck",
  "missingCredential",
  "lapsedCheck",
  "pendingCheck",
  "underReview",
  "failedCheck",
];
/** Scenarios whose status needs every credential current (the others show without them). */
const NEEDS_CREDENTIALS = new Set<Scenario>([
  "cleared",
  "expiringCheck",
  "expiringCredential",
  "corrected",
  "renewedWithRecheck",
]);
/** Scenarios about the first required credential, which alone is issued. */
const FIRST_CREDENTIAL = new Set<Scenario>(["lapsedCredential", "revokedCredential", "suspendedCredential"]);

const dayFrom = (now: Date, days: number) =>
  new Date(new Date(now.getTime() + days * DAY).toISOString().slice(0, 10) + "T00:00:00Z");

export type DemoVetting = { people: number; checks: number; credentials: number };

export async function seedDemoVetting(input: {
  orgIds: Map<string, string>;
  passwordHash: string;
  officerEmail: string;
  adminEmail: string;
  now?: Date;
}): Promise<DemoVetting> {
  const now = input.now ?? new Date();
  const [officer, admin] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: input.officerEmail }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { email: input.adminEmail }, select: { id: true } }),
  ]);
  // The US task force's own vetting officer records its people's checks.
  const usOfficer = (
    await db.user.findUniqueOrThrow({
      where: { email: `taskforce.vetting@${DEMO_EMAIL_DOMAIN}` },
      select: { id: true },
    })
  ).id;
  const recorderOf = (org: string) => (org === "sw-financial-task-force" ? usOfficer : officer.id);
  // Profiles of law students and bar members are assigned by their organization's admin.
  const admins = await db.user.findMany({
    where: { email: { in: [`orgadmin@${DEMO_EMAIL_DOMAIN}`, `taskforce.admin@${DEMO_EMAIL_DOMAIN}`] } },
    select: { id: true, email: true },
  });
  const adminOf = (org: string) =>
    admins.find((a) => a.email.startsWith(org === "border-bar-association" ? "taskforce.admin@" : "orgadmin@"))?.id ??
    officer.id;

  const userIds = await createPeople(input.orgIds, input.passwordHash);
  const assignments: HistoryAssignment[] = [];
  const checks: HistoryCheck[] = [];
  const credentials: { userId: string; achievementId: string; until: Date; then?: "revoke" | "suspend" }[] = [];
  let n = 0;
  for (const group of GROUPS) {
    const orgId = input.orgIds.get(group.org)!;
    for (let k = 0; k < group.count; k++, n++) {
      const userId = userIds.get(localPart(group.org, k))!;
      const profileId = group.profiles[k % group.profiles.length]!;
      const profile = getProfile(profileId)!;
      const scenario = SCENARIOS[n % SCENARIOS.length]!;
      const recordedById = recorderOf(group.org);
      const assignedById = profile.checks.length ? recordedById : adminOf(group.org);
      assignments.push({ userId, orgId, profileId, assignedById, assignedAt: dayFrom(now, -400 + (n % 90)) });
      // Where each requirement stands, in days from now (lapse dates of current items).
      // 61 to 360 days: past the 60-day "expiring" edge, over every month of the outlook and beyond.
      const far = 61 + ((n * 37) % 300);
      const hasChecks = profile.checks.length > 0;
      // Signing dominates the seed, so credentials are issued only where the status needs them.
      const only = FIRST_CREDENTIAL.has(scenario) || (!hasChecks && scenario === "lapsedCheck");
      if (NEEDS_CREDENTIALS.has(scenario) || only)
        profile.credentials.forEach((achievementId, i) => {
          if (only && i > 0) return;
          let until = far + i * 30;
          if (i === 0 && (scenario === "expiringCredential" || (!hasChecks && scenario === "expiringCheck")))
            until = 20 + (n % 38);
          if (i === 0 && (scenario === "lapsedCredential" || scenario === "lapsedCheck")) until = -(5 + (n % 85));
          credentials.push({
            userId,
            achievementId,
            until: dayFrom(now, until),
            then:
              scenario === "revokedCredential" ? "revoke" : scenario === "suspendedCredential" ? "suspend" : undefined,
          });
        });
      profile.checks.forEach((req, i) => {
        const ref = `${userId}:${req.type}`;
        const target = i === 0; // the first required check carries the scenario
        let lapse = far + i * 45;
        if (target && scenario === "expiringCheck") lapse = 10 + (n % 45);
        if (target && scenario === "lapsedCheck") lapse = -(10 + (n % 110));
        if (target && scenario === "missingCheck") return;
        const expiresOn = dayFrom(now, lapse);
        const checkedOn = addMonths(expiresOn, -req.validityMonths);
        const base = {
          userId,
          orgId,
          kind: req.type,
          recordedById,
          evidenceRef: `${group.lang === "es" ? "EXP" : "CASE"}-${2024 + (n % 3)}-${String(1000 + n * 7 + i).padStart(5, "0")}`,
        };
        const entry = (
          suffix: string,
          result: string,
          on: Date,
          expires: Date | null,
          extra: Partial<HistoryCheck> = {},
        ) =>
          checks.push({
            ...base,
            ref: `${ref}:${suffix}`,
            result,
            checkedOn: on,
            expiresOn: expires,
            recordedAt: new Date(on.getTime() + 15 * 3_600_000),
            ...extra,
          });
        if (target && scenario === "pendingCheck") {
          entry("p", "pending", dayFrom(now, -(3 + (n % 40))), null);
          return;
        }
        if (target && scenario === "failedCheck") {
          entry("f", "failed", dayFrom(now, -(5 + (n % 60))), null);
          return;
        }
        if (target && scenario === "corrected") {
          // Recorded as failed by mistake, corrected to passed the next day.
          entry("x", "failed", checkedOn, null);
          entry("c", "passed", checkedOn, expiresOn, {
            supersedes: `${ref}:x`,
            correctionReason: "Result typed wrong: the report says passed.",
            recordedAt: new Date(checkedOn.getTime() + 40 * 3_600_000),
          });
          return;
        }
        if (target && scenario === "renewedWithRecheck") {
          // An older pass, its renewal, and a re-check awaiting a result that voids nothing.
          entry("o", "passed", addMonths(checkedOn, -req.validityMonths), checkedOn);
          entry("r", "passed", checkedOn, expiresOn);
          entry("q", "pending", dayFrom(now, -(2 + (n % 20))), null);
          return;
        }
        entry("a", "passed", checkedOn, expiresOn);
        if (target && scenario === "underReview") entry("u", "under_review", dayFrom(now, -(4 + (n % 30))), null);
      });
    }
  }

  // Credentials first, through the issuance path, each dated its start.
  const adminActor = { id: admin.id, isPlatformAdmin: true };
  let issued = 0;
  for (const c of credentials) {
    const months =
      c.achievementId === "joint-operations-certificate" ? 12 : c.achievementId === "aml-core-certificate" ? 24 : 36;
    const validFrom = addMonths(c.until, -months);
    const credential = await issueCredentialAt(c.userId, c.achievementId, validFrom, validFrom);
    if (!credential) continue;
    issued++;
    const when = new Date(Math.min(now.getTime() - 7 * DAY, c.until.getTime() - 30 * DAY));
    if (c.then === "revoke")
      await revokeCredential(
        adminActor,
        credential.id,
        { reason: "issued-in-error", note: "Demo: a revoked credential." },
        when,
      );
    if (c.then === "suspend")
      await suspendCredential(adminActor, credential.id, { note: "Demo: under internal review." }, when);
  }
  await recordHistory({ assignments, checks, now });
  await refreshStaleReadiness({ orgId: { in: [...input.orgIds.values()] } }, now);
  return { people: n, checks: checks.length, credentials: issued };
}

const localPart = (org: string, k: number) => `vetting.${org}.${String(k + 1).padStart(3, "0")}`;

// Enough memberships per transaction to be quick, few enough to stay well inside its time limit.
const MEMBERS_PER_TRANSACTION = 60;

/** Every person of every group, as learners of their organization: their ids by local part. */
async function createPeople(orgIds: Map<string, string>, passwordHash: string): Promise<Map<string, string>> {
  const people: { local: string; orgId: string; name: string; lang: "en" | "es" }[] = [];
  GROUPS.forEach((group, g) => {
    const names = NAMES[group.lang];
    for (let k = 0; k < group.count; k++) {
      // k % 20 and (7j + 3r) % 20 for k = r + 20j: no two people of a group share a name.
      const first = names.first[k % names.first.length]!;
      const last = names.last[(Math.floor(k / 20) * 7 + k * 3 + g * 5) % names.last.length]!;
      people.push({
        local: localPart(group.org, k),
        orgId: orgIds.get(group.org)!,
        name: `${first} ${last}`,
        lang: group.lang,
      });
    }
  });
  const verifiedAt = new Date();
  await db.user.createMany({
    data: people.map((p) => {
      const email = `${p.local}@${DEMO_EMAIL_DOMAIN}`;
      return {
        email,
        name: p.name,
        language: p.lang,
        timeZone: p.lang === "es" ? "America/Mexico_City" : "America/Chicago",
        passwordHash,
        emailVerifiedAt: verifiedAt,
        searchText: searchTextOf(p.name, email),
      };
    }),
  });
  const rows = await db.user.findMany({
    where: { email: { in: people.map((p) => `${p.local}@${DEMO_EMAIL_DOMAIN}`) } },
    select: { id: true, email: true },
  });
  const ids = new Map(rows.map((r) => [r.email.slice(0, -(DEMO_EMAIL_DOMAIN.length + 1)), r.id]));
  for (let i = 0; i < people.length; i += MEMBERS_PER_TRANSACTION) {
    const batch = people.slice(i, i + MEMBERS_PER_TRANSACTION);
    await db.$transaction(async (tx) => {
      for (const p of batch) await grantRoleInTx(tx, null, ids.get(p.local)!, p.orgId, "learner");
    });
  }
  return ids;
}
