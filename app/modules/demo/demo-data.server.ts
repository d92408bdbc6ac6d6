// The demo world: one account per role in four organizations. Later features add to it so
// the demo always shows every feature. Built with the same module functions tests use.
import { enrolKnownSecret, hashPassword, searchTextOf } from "~/modules/auth/index.server.ts";
import type { Role } from "~/modules/auth/index.ts";
import { db } from "~/modules/db/index.server.ts";
import { createOrganization, grantRole, type OrgKind } from "~/modules/orgs/index.server.ts";
import { seedDemoCredentials } from "./credentials.server.ts";
import { seedDemoVetting } from "./vetting.server.ts";
import { forgetDemoPresence } from "./presence.server.ts";
import { seedDemoCohorts } from "./cohorts.server.ts";
import { seedDemoQuizAttempts } from "./quiz-attempts.server.ts";
import { seedDemoSharing } from "./sharing.server.ts";
import { seedDemoClearances } from "./clearances.server.ts";

export const DEMO_PASSWORD = "puente-demo-2026";

export const DEMO_ORGS: { slug: string; name: string; kind: OrgKind; country: "US" | "MX" }[] = [
  { slug: "sw-financial-task-force", name: "Southwest Financial Crimes Task Force", kind: "us_agency", country: "US" },
  {
    slug: "unidad-conjunta-analisis",
    name: "Unidad Conjunta de Análisis Financiero",
    kind: "mx_agency",
    country: "MX",
  },
  { slug: "facultad-derecho-frontera", name: "Facultad de Derecho de la Frontera", kind: "law_school", country: "MX" },
  { slug: "border-bar-association", name: "Border Bar Association", kind: "bar_association", country: "US" },
];

type DemoAccount = {
  email: string;
  name: string;
  language: "en" | "es";
  timeZone: string;
  admin?: boolean;
  roles: { org: string; role: Role }[];
  /**
   * Accounts whose roles need a second factor come enrolled with this TOTP secret (base32),
   * printed in the README next to the account so the demo can be signed into. Demo only: a
   * real account's secret is random, shown once at enrolment and stored encrypted.
   */
  totpSecret?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "learner@demo.puente.test",
    name: "Laura Learner",
    language: "en",
    timeZone: "America/Chicago",
    roles: [{ org: "sw-financial-task-force", role: "learner" }],
  },
  {
    email: "instructor@demo.puente.test",
    name: "Ignacio Instructor",
    language: "es",
    timeZone: "America/Mexico_City",
    roles: [{ org: "facultad-derecho-frontera", role: "instructor" }],
  },
  {
    email: "orgadmin@demo.puente.test",
    totpSecret: "FNDV5GNF3K2M43TWDV3NHWMSNFG53DYZ",
    name: "Olivia Orgadmin",
    language: "es",
    timeZone: "America/Monterrey",
    // Also the Mexican unit's admin: the partner's view of the joint cohort.
    roles: [
      { org: "facultad-derecho-frontera", role: "org_admin" },
      { org: "unidad-conjunta-analisis", role: "org_admin" },
    ],
  },
  {
    email: "taskforce.admin@demo.puente.test",
    totpSecret: "D7QGISD4AHMTUNIZ7QFIBETJTUCC3RS6",
    name: "Terry Taskforce",
    language: "en",
    timeZone: "America/Phoenix",
    // Owner's view of the joint cohort; also runs the bar association's continuing education.
    roles: [
      { org: "sw-financial-task-force", role: "org_admin" },
      { org: "border-bar-association", role: "org_admin" },
    ],
  },
  {
    email: "supervisor@demo.puente.test",
    totpSecret: "OANE3TBFRDYY6GEHZXTCMJ4MQI7GTARE",
    name: "Samuel Supervisor",
    language: "es",
    timeZone: "America/Mexico_City",
    roles: [{ org: "unidad-conjunta-analisis", role: "supervisor" }],
  },
  {
    email: "vetting@demo.puente.test",
    totpSecret: "JE6NEM2WOEVL6JR4FHPGNDUKLIPSAB46",
    name: "Valeria Vetting",
    language: "es",
    timeZone: "America/Mexico_City",
    roles: [{ org: "unidad-conjunta-analisis", role: "vetting_officer" }],
  },
  {
    // The US task force's own vetting officer: records its people's checks in the demo.
    email: "taskforce.vetting@demo.puente.test",
    totpSecret: "76TQO6W5QLW3NZT5YPG64Q472CK6BUZL",
    name: "Dana Whitaker",
    language: "en",
    timeZone: "America/Phoenix",
    roles: [{ org: "sw-financial-task-force", role: "vetting_officer" }],
  },
  {
    email: "admin@demo.puente.test",
    totpSecret: "2GNZVL47RYJ5SPSR6E7SIFZZZFTVZH34",
    name: "Adam Admin",
    language: "en",
    timeZone: "America/Los_Angeles",
    admin: true,
    roles: [],
  },
];

/** Seeds an empty database; returns false (and changes nothing) when any user exists. */
export async function seedDemoData(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const orgIds = new Map<string, string>();
  for (const org of DEMO_ORGS) orgIds.set(org.slug, (await createOrganization(org)).id);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        language: account.language,
        timeZone: account.timeZone,
        passwordHash,
        isPlatformAdmin: account.admin ?? false,
        emailVerifiedAt: new Date(),
        searchText: searchTextOf(account.name, account.email),
      },
      select: { id: true },
    });
    for (const { org, role } of account.roles) await grantRole(null, user.id, orgIds.get(org)!, role);
    if (account.totpSecret) await enrolKnownSecret(user.id, account.totpSecret);
  }
  await seedDemoQuizAttempts({ orgIds, passwordHash });
  await seedDemoCohorts({ orgIds, passwordHash });
  await seedDemoSharing({ orgIds });
  await seedDemoCredentials({ email: "learner@demo.puente.test", adminEmail: "admin@demo.puente.test" });
  await seedDemoVetting({
    orgIds,
    passwordHash,
    officerEmail: "vetting@demo.puente.test",
    adminEmail: "admin@demo.puente.test",
  });
  await seedDemoClearances({ orgIds });
  forgetDemoPresence();
  return true;
}
