// Issue 18's object-ownership half: signed in as organization A's role that may act, every id a
// form carries is swapped for organization B's object, the rest of the form valid. The answer is
// 404 (the same as an id that does not exist) and nothing is written. URL ids are swapped by
// the matrix ("other" relation).
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import * as accommodations from "~/routes/$lang.courses_.$course_.quizzes.$quiz.accommodations/route.tsx";
import * as credentials from "~/routes/$lang.credentials._index/route.tsx";
import * as orgHome from "~/routes/$lang.orgs.$orgId._index/route.tsx";
import * as cohortPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId._index/route.tsx";
import * as codesPage from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.codes/route.tsx";
import * as cohortExport from "~/routes/$lang.orgs.$orgId.cohorts.$cohortId.export/route.ts";
import * as memberPage from "~/routes/$lang.orgs.$orgId.members.$userId/route.tsx";
import * as membersPage from "~/routes/$lang.orgs.$orgId.members._index/route.tsx";
import * as sharingPage from "~/routes/$lang.orgs.$orgId.sharing/route.tsx";
import * as vettingPerson from "~/routes/$lang.vetting.people.$userId/route.tsx";
import { resetDatabase } from "../../helpers/factories.ts";
import { makeRequest, run } from "../../helpers/routes.ts";
import { buildWorld, cookieOf, type OrgIds, type World, type Who } from "./world.ts";
import { domainCounts } from "./writes.ts";

let world: World;
let a: OrgIds;
let b: OrgIds;
let bCodeId: string;
let bAssignmentId: string;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../../fixtures/content/valid");
  await resetDatabase();
  world = await buildWorld();
  a = world.ids.own;
  b = world.ids.other;
  bCodeId = (await db.enrolmentCode.findUniqueOrThrow({ where: { code: b.code }, select: { id: true } })).id;
  bAssignmentId = (await db.profileAssignment.findFirstOrThrow({ where: { userId: b.person }, select: { id: true } }))
    .id;
}, 120_000);

type Handler = Parameters<typeof run>[0];
type Case = {
  name: string;
  handler: () => Handler;
  as: Exclude<Who, "anonymous" | "password_only">;
  params: () => Record<string, string>;
  form: () => Record<string, string>;
};

const today = () => new Date().toISOString().slice(0, 10);
const lang = { lang: "en" };
const quiz = () => ({ ...lang, course: world.course, quiz: world.quiz });
const checkFields = () => ({ kind: "polygraph", result: "passed", checkedOn: today(), evidenceRef: "EXP-1" });

const CASES: Case[] = [
  {
    name: "joint cohort invitation answered with B's cohortId",
    handler: () => orgHome.action!,
    as: "org_admin",
    params: () => ({ ...lang, orgId: a.org }),
    form: () => ({ intent: "accept", cohortId: b.cohort }),
  },
  {
    name: "cohort: removing B's person (userId)",
    handler: () => cohortPage.action,
    as: "org_admin",
    params: () => ({ ...lang, orgId: a.org, cohortId: a.cohort }),
    form: () => ({ intent: "removePerson", userId: b.person }),
  },
  {
    name: "codes: revoking B's code (codeId)",
    handler: () => codesPage.action,
    as: "org_admin",
    params: () => ({ ...lang, orgId: a.org, cohortId: a.cohort }),
    form: () => ({ intent: "revoke", codeId: bCodeId }),
  },
  ...(["grantRole", "revokeRole"] as const).map(
    (intent): Case => ({
      name: `members: ${intent} for B's person (userId)`,
      handler: () => membersPage.action,
      as: "org_admin",
      params: () => ({ ...lang, orgId: a.org }),
      form: () => ({ intent, userId: b.person, role: "learner" }),
    }),
  ),
  {
    name: "members: ending B's person's membership (userId)",
    handler: () => membersPage.action,
    as: "org_admin",
    params: () => ({ ...lang, orgId: a.org }),
    form: () => ({ intent: "endMembership", userId: b.person }),
  },
  ...(["accept", "decline", "end"] as const).map(
    (intent): Case => ({
      name: `sharing: ${intent} B's agreement (agreementId)`,
      handler: () => sharingPage.action,
      as: "org_admin",
      params: () => ({ ...lang, orgId: a.org }),
      form: () => ({ intent, agreementId: b.agreement }),
    }),
  ),
  ...(["correct", "renew"] as const).map(
    (intent): Case => ({
      name: `vetting: ${intent} B's check on A's person (checkId)`,
      handler: () => vettingPerson.action,
      as: "vetting_officer",
      params: () => ({ ...lang, userId: a.person }),
      form: () => ({ intent, checkId: b.check, reason: "Typo in the date", ...checkFields() }),
    }),
  ),
  {
    name: "vetting: recording a check in B (orgId)",
    handler: () => vettingPerson.action,
    as: "vetting_officer",
    params: () => ({ ...lang, userId: a.person }),
    form: () => ({ intent: "record", orgId: b.org, ...checkFields() }),
  },
  {
    name: "vetting: ending B's profile assignment (assignmentId)",
    handler: () => vettingPerson.action,
    as: "org_admin",
    params: () => ({ ...lang, userId: a.person }),
    form: () => ({ intent: "end", assignmentId: bAssignmentId }),
  },
  {
    name: "credentials: name confirmation on B's credential (credentialId)",
    handler: () => credentials.action,
    as: "learner",
    params: () => lang,
    form: () => ({ credentialId: b.credential, nameConfirmation: "on" }),
  },
  {
    name: "accommodation for B's learner (userId)",
    handler: () => accommodations.action,
    as: "instructor",
    params: quiz,
    form: () => ({ userId: b.person, extraMinutes: "10", extraAttempts: "1", reason: "Documented need" }),
  },
];

// The matrix's "other" relation swaps the organization in the URL too; here the organization
// stays A's (where the caller is org admin) and only the object's id is B's.
const URL_CASES: {
  name: string;
  handler: () => Handler;
  form?: Record<string, string>;
  params: () => Record<string, string>;
}[] = [
  ...(
    [
      ["cohort page", () => cohortPage.loader],
      ["cohort page (action)", () => cohortPage.action],
      ["cohort codes", () => codesPage.loader],
      ["cohort codes (action)", () => codesPage.action],
      ["cohort export", () => cohortExport.loader],
    ] as const
  ).map(([name, handler]) => ({
    name: `${name}: B's cohortId under A's orgId`,
    handler: handler as () => Handler,
    form: name.endsWith("(action)") ? { intent: "archive" } : undefined,
    params: () => ({ ...lang, orgId: a.org, cohortId: b.cohort }),
  })),
  {
    name: "member page: B's userId under A's orgId",
    handler: () => memberPage.loader,
    params: () => ({ ...lang, orgId: a.org, userId: b.person }),
  },
];

describe("an id in the URL swapped for another organization's, under the caller's own organization", () => {
  it.each(URL_CASES.map((c) => [c.name, c] as const))("%s: 404, nothing written", async (_, c) => {
    const cookie = await cookieOf(world, "org_admin");
    const before = await domainCounts();
    const result = await run(c.handler(), makeRequest("/en/x", { cookie, form: c.form }), c.params());
    expect({ status: result.status, writes: await domainCounts() }).toEqual({ status: 404, writes: before });
  });
});

describe("an id in a form swapped for another organization's", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s: 404, nothing written", async (_, c) => {
    const cookie = await cookieOf(world, c.as);
    const before = await domainCounts();
    const result = await run(c.handler(), makeRequest("/en/x", { cookie, form: c.form() }), c.params(), {
      clientIp: "203.0.113.9",
      requestId: "ownership",
    });
    expect({ status: result.status, writes: await domainCounts() }).toEqual({ status: 404, writes: before });
  });

  it(`covers ${CASES.length} form ids and ${URL_CASES.length} URL ids`, () => {
    console.info(`object ownership: ${CASES.length} form-id and ${URL_CASES.length} URL-id swaps checked`);
    expect(CASES.length).toBeGreaterThan(10);
  });
});
