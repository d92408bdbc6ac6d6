// The demo vetting population: 120 people across the four demo organizations, held to
// requirement profiles, with checks and credentials that put them in every status for every
// reason. Deterministic relative to the seed date: person n always gets scenario n % 20.
// Credentials come through the credentials module's issuance path (signed); checks and
// assignments through the vetting module's bulk history (with their audit events).
import { searchTextOf } from "~/modules/auth/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { issueCredentialAt, revokeCredential, suspendCredential } from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
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
    count: 60,
    profiles: ["joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-supervisor"],
  },
  {
    org: "sw-financial-task-force",
    lang: "en",
    count: 36,
    profiles: ["joint-team-agent", "joint-team-agent", "joint-team-agent", "joint-team-supervisor"],
  },
  { org: "facultad-derecho-frontera", lang: "es", count: 16, profiles: ["legal-practitioner"] },
  { org: "border-bar-association", lang: "en", count: 8, profiles: ["legal-practitioner"] },
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

  const assignments: HistoryAssignment[] = [];
  const checks: HistoryCheck[] = [];
  const credentials: { userId: string; achievementId: string; until: Date; then?: "revoke" | "suspend" }[] = [];
  let n = 0;
  for (const group of GROUPS) {
    const orgId = input.orgIds.get(group.org)!;
    const names = NAMES[group.lang];
    for (let k = 0; k < group.count; k++, n++) {
      const name = `${names.first[(k * 7 + n) % names.first.length]} ${names.last[(k * 3 + n * 11) % names.last.length]}`;
      const userId = await createPerson(
        name,
        `vetting.${group.org}.${String(k + 1).padStart(3, "0")}`,
        group.lang,
        input.passwordHash,
      );
      await grantRole(null, userId, orgId, "learner");
      const profileId = group.profiles[k % group.profiles.length]!;
      const profile = getProfile(profileId)!;
      const scenario = SCENARIOS[n % SCENARIOS.length]!;
      const recordedById = recorderOf(group.org);
      const assignedById = profile.checks.length ? recordedById : adminOf(group.org);
      assignments.push({ userId, orgId, profileId, assignedById, assignedAt: dayFrom(now, -400 + (n % 90)) });
      // Where each requirement stands, in days from now (lapse dates of current items).
      const far = 90 + ((n * 37) % 240);
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

async function createPerson(name: string, local: string, language: "en" | "es", passwordHash: string): Promise<string> {
  const email = `${local}@${DEMO_EMAIL_DOMAIN}`;
  const user = await db.user.create({
    data: {
      email,
      name,
      language,
      timeZone: language === "es" ? "America/Mexico_City" : "America/Chicago",
      passwordHash,
      emailVerifiedAt: new Date(),
      searchText: searchTextOf(name, email),
    },
    select: { id: true },
  });
  return user.id;
}
