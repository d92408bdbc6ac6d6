// The one world the authorization matrix runs in: organization A (own) with one person per
// role and a platform admin; B (other, no relation); C (partner): C shares its people with A
// through an agreement in force, and C owns a joint cohort that A has joined. Every object a
// route can name by id exists once per organization, so a cell swaps ids by relation.
import { ACHIEVEMENT, takeQuiz } from "../credentials-fixture.ts";
import { complete, enrolVia, QUIZ, COURSE } from "../learning-fixture.ts";
import { LESSONS } from "../credentials-fixture.ts";
import { db } from "~/modules/db/index.server.ts";
import { cohortFor, grantRole, invitePartner, respondToPartnerInvitation } from "~/modules/orgs/index.server.ts";
import { changeAgreement, proposeAgreement } from "~/modules/sharing/index.server.ts";
import { assignProfile, recordCheck } from "~/modules/vetting/index.server.ts";
import { action as introAction } from "~/routes/$lang.courses_.$course_.quizzes.$quiz._index/route.tsx";
import { createMember, createOrg, createUser, sessionCookie } from "../../helpers/factories.ts";
import { codeFor, cohortOf } from "../../helpers/orgs.ts";
import { makeRequest, run } from "../../helpers/routes.ts";

export const WHO = [
  "anonymous",
  // An org admin who gave the password but not yet the second factor (decision 014).
  "password_only",
  "learner",
  "instructor",
  "org_admin",
  "supervisor",
  "vetting_officer",
  "platform_admin",
  // Holds org_admin in A, but the address is not verified: the role waits (decision 007).
  "unverified_org_admin",
] as const;
export type Who = (typeof WHO)[number];

export const RELATIONS = ["own", "other", "partner"] as const;
export type Relation = (typeof RELATIONS)[number];

export const PROFILE = "joint-team-agent";

/** Everything a route can name, for one organization. */
export type OrgIds = {
  org: string;
  cohort: string;
  /** A learner of the organization, assigned to the profile, with a check and a credential. */
  person: string;
  check: string;
  credential: string;
  /** The learner's attempts: one submitted (review), one open. */
  submittedAttempt: string;
  openAttempt: string;
  job: string;
  code: string;
  /** A sharing agreement the organization is part of (granting or receiving). */
  agreement: string;
};

export type World = {
  ids: Record<Relation, OrgIds>;
  /** The caller's user id in A (platform admin: no membership). */
  users: Record<Exclude<Who, "anonymous" | "password_only">, string>;
  statusList: string;
  /** A revoked code of A: redeeming it is refused, so the matrix's join posts write nothing. */
  revokedCode: string;
  course: string;
  quiz: string;
  lesson: string;
  achievementFile: string;
};

const today = () => new Date().toISOString().slice(0, 10);

async function learnerWithRecord(orgId: string, officer: { id: string; orgIds: string[] }) {
  const { user } = await createMember("learner", orgId);
  const cookie = await sessionCookie(user.id);
  await enrolVia(cookie);
  for (const lesson of LESSONS) await complete(cookie, lesson);
  const submittedAttempt = await takeQuiz(user.id, cookie, true);
  // Past the cool-down, so the same learner can hold an open attempt too.
  const yesterday = new Date(Date.now() - 2 * 86_400_000);
  await db.quizAttempt.update({
    where: { id: submittedAttempt },
    data: { startedAt: yesterday, submittedAt: yesterday },
    select: { id: true },
  });
  const started = await run(introAction, makeRequest(`/en/courses/${COURSE}/quizzes/${QUIZ}`, { cookie, form: {} }), {
    lang: "en",
    course: COURSE,
    quiz: QUIZ,
  });
  if (started.status !== 302) throw new Error(`no second attempt: ${started.status}`);
  const openAttempt = started.location!.split("/").pop()!;
  const credential = await db.credential.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
  const assigned = await assignProfile(officer, { userId: user.id, orgId, profileId: PROFILE });
  if (!assigned.ok) throw new Error(`assign: ${assigned.reason}`);
  const recorded = await recordCheck(officer, {
    userId: user.id,
    orgId,
    kind: "polygraph",
    result: "passed",
    checkedOn: today(),
    evidenceRef: "EXP-2026-001",
  });
  if (!recorded.ok) throw new Error(`record: ${recorded.reason}`);
  const check = await db.vettingCheck.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
  return { person: user.id, submittedAttempt, openAttempt, credential: credential.id, check: check.id };
}

async function organization(kind: "us_agency" | "mx_agency") {
  const org = await createOrg(kind);
  const admin = (await createMember("org_admin", org.id)).user;
  const officer = (await createMember("vetting_officer", org.id)).user;
  const cohort = await cohortOf(org.id, admin.id);
  const code = (await codeFor(org.id, admin.id, cohort)).code;
  const record = await learnerWithRecord(org.id, { id: officer.id, orgIds: [org.id] });
  const job = await db.importJob.create({
    data: {
      orgId: org.id,
      createdById: admin.id,
      fileName: "people.csv",
      encoding: "utf-8",
      status: "done",
      totalRows: 0,
      errorRows: 0,
    },
    select: { id: true },
  });
  return { org: org.id, admin: admin.id, officer: officer.id, cohort, code, job: job.id, ...record };
}

async function unverifiedAdmin(orgId: string) {
  const user = await createUser({ verified: false });
  await grantRole(null, user.id, orgId, "org_admin");
  return user.id;
}

export async function buildWorld(): Promise<World> {
  const a = await organization("us_agency");
  const b = await organization("us_agency");
  const c = await organization("mx_agency");
  const users = {
    learner: a.person,
    instructor: (await createMember("instructor", a.org)).user.id,
    org_admin: a.admin,
    supervisor: (await createMember("supervisor", a.org)).user.id,
    vetting_officer: a.officer,
    platform_admin: (await createUser({ admin: true })).id,
    unverified_org_admin: await unverifiedAdmin(a.org),
  };

  // C's joint cohort, joined by A.
  const joint = await cohortOf(c.org, c.admin, { name: "Joint cohort" });
  const invited = await invitePartner(c.admin, (await cohortFor(c.org, joint))!, a.org);
  if (!invited.ok) throw new Error(`invite: ${invited.reason}`);
  if (!(await respondToPartnerInvitation(a.admin, a.org, joint, true))) throw new Error("partner accept");

  // C shares its profile's people with A; B shares with nobody but has proposed to C.
  const endsOn = new Date(Date.now() + 365 * 86_400_000);
  const shared = await proposeAgreement(c.admin, [c.org], {
    grantorOrgId: c.org,
    granteeOrgId: a.org,
    profileIds: [PROFILE],
    endsOn,
  });
  if (!shared.ok) throw new Error(`propose: ${shared.reason}`);
  const accepted = await changeAgreement(a.admin, [a.org], shared.id, "accept");
  if (!accepted.ok) throw new Error(`accept: ${accepted.reason}`);
  const bOwn = await proposeAgreement(b.admin, [b.org], {
    grantorOrgId: b.org,
    granteeOrgId: c.org,
    profileIds: [PROFILE],
    endsOn,
  });
  if (!bOwn.ok) throw new Error(`propose B: ${bOwn.reason}`);

  const statusList = await db.statusList.findFirstOrThrow({ select: { id: true } });
  const revoked = await codeFor(a.org, a.admin, a.cohort);
  await db.enrolmentCode.update({ where: { id: revoked.id }, data: { revokedAt: new Date() }, select: { id: true } });
  const pick = (o: typeof a, agreement: string, cohort = o.cohort): OrgIds => ({
    org: o.org,
    cohort,
    person: o.person,
    check: o.check,
    credential: o.credential,
    submittedAttempt: o.submittedAttempt,
    openAttempt: o.openAttempt,
    job: o.job,
    code: o.code,
    agreement,
  });
  return {
    ids: { own: pick(a, shared.id), other: pick(b, bOwn.id), partner: pick(c, shared.id, joint) },
    users,
    statusList: statusList.id,
    revokedCode: revoked.code,
    course: COURSE,
    quiz: QUIZ,
    lesson: LESSONS[0]!,
    achievementFile: `${ACHIEVEMENT}.en-US.json`,
  };
}

/**
 * A fresh, fully signed-in session (second factor given, access just confirmed) for the caller,
 * or none. The matrix checks who may act; re-authentication before security-relevant changes
 * (decision 016) has its own tests (account-reauth.test.ts), so it must not hide a cell here.
 */
export async function cookieOf(world: World, who: Who): Promise<string | null> {
  if (who === "anonymous") return null;
  if (who === "password_only") return sessionCookie(world.users.org_admin, { passwordOnly: true });
  return sessionCookie(world.users[who], { reauthenticated: true });
}
