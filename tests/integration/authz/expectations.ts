// The authorization matrix, written from the permission rules (app/modules/auth/permissions.ts,
// decisions 007, 013 and 014, DESIGN.md "Rules of the domain", issues 12–15), NOT recorded from
// what the code answers. One row per route of Remix's manifest; see README.md to add one.
//
// Outcomes:
//   ok        200 (a loader's page or file)
//   accepted  an action that got past authorization: 200, 400 or a redirect that is not to sign-in
//   invalid   400: the same bad-input answer for everyone (a link page opened without its token)
//   redirect  a redirect that is not a guard's (e.g. a signed-in person opening /login)
//   signin    a guard's redirect: to sign in and come back (?redirectTo=), to the second factor,
//             or to re-authenticate before a security-relevant change (confirm-access, decision 016)
//   forbidden 403: the caller holds the permission in no organization
//   notFound  404: the id is not the caller's to see (another organization's, or nobody's)
//
// Relations (the ids a cell puts in the URL, see world.ts): own = organization A's objects,
// other = B's (no relation), partner = C's (C shares its people with A and owns a joint cohort
// A joined). Routes whose params name nothing organization-scoped run once per caller.
import type { OrgIds, Relation, World, Who } from "./world.ts";

export type Outcome = "ok" | "accepted" | "invalid" | "redirect" | "signin" | "forbidden" | "notFound";
type PerRelation = Record<Relation, Outcome>;
export type Cells = Record<Who, Outcome | PerRelation>;

export type RouteRow = {
  /** Route params for a relation; `scoped` rows run once per relation. */
  params?: (ids: OrgIds, world: World, relation: Relation, kind: "loader" | "action") => Record<string, string>;
  scoped?: boolean;
  loader?: Cells;
  action?: Cells;
  /** The minimal form an action gets (an intent it accepts, other fields empty). */
  form?: (ids: OrgIds, world: World) => Record<string, string>;
};

// The unverified org admin is in no role list below: a role above learner waits for a verified
// address, so every row gives them what it gives a signed-in person without the permission.
const callers = [
  "learner",
  "instructor",
  "org_admin",
  "supervisor",
  "vetting_officer",
  "platform_admin",
  "unverified_org_admin",
] as const;

/**
 * `passwordOnly`: an org admin whose second factor is still due is nobody yet (decision 014):
 * the same as signed out, except that guards send them to the second-factor page (`signin`).
 */
function cells(
  anonymous: Outcome,
  signedIn: (who: (typeof callers)[number]) => Outcome | PerRelation,
  passwordOnly: Outcome = anonymous,
): Cells {
  return Object.fromEntries([
    ["anonymous", anonymous],
    ["password_only", passwordOnly],
    ...callers.map((w) => [w, signedIn(w)]),
  ]) as Cells;
}

/** Public: the same answer for everyone, signed in or not. */
const everyone = (o: Outcome) => cells(o, () => o);
/** Any signed-in person, whatever their roles. */
const signedIn = (o: Outcome) => cells("signin", () => o);
/** For signed-out visitors only (sign-in, sign-up): a signed-in person is sent on. */
const guests = (o: Outcome) => cells(o, () => "redirect");
const rel = (own: Outcome, other: Outcome, partner: Outcome): PerRelation => ({ own, other, partner });
/** Only holders of a permission (the roles that grant it); everyone else signed in: 403. */
const holders = (roles: readonly Who[], o: Outcome | PerRelation) =>
  cells("signin", (w) => (roles.includes(w) ? o : "forbidden"));

// Which roles hold what (permissions.ts): written out here so the table reads on its own.
const ADMIN = ["platform_admin"] as const; // read/update:users:any, update:roles:any, create:orgs:any
const ORG_ADMIN = ["org_admin"] as const; // members, cohorts, sharing of their organization
const INSTRUCTOR = ["instructor"] as const; // item statistics, lesson previews
const ACCOMMODATION = ["instructor", "org_admin"] as const; // update:accommodation:org
const SUPERVISOR = ["supervisor"] as const; // read:vetting-status:org
const OFFICER = ["vetting_officer"] as const; // read/update:vetting-check:org
const VETTING_PAGE = ["org_admin", "vetting_officer"] as const; // checks or assignments

/** Another organization's id answers 404, like an id that does not exist. */
const orgScoped = rel("ok", "notFound", "notFound");
const orgScopedWrite = rel("accepted", "notFound", "notFound");

const lang = { lang: "en" };
const withOrg = (ids: OrgIds) => ({ ...lang, orgId: ids.org });
// A partner opens the joint cohort under its own organization (A), by C's cohort id.
const cohortParams = (ids: OrgIds, world: World, relation: Relation) => ({
  ...lang,
  orgId: relation === "partner" ? world.ids.own.org : ids.org,
  cohortId: ids.cohort,
});
const quizParams = (_: OrgIds, w: World) => ({ ...lang, course: w.course, quiz: w.quiz });
const attemptParams = (attempt: (ids: OrgIds) => string) => (ids: OrgIds, w: World) => ({
  ...quizParams(ids, w),
  attempt: attempt(ids),
});
/** Attempts and certificates are their holder's own: the learner of A; anyone else's id is a 404. */
const holderOnly = (o: Outcome) =>
  cells("signin", (w) => (w === "learner" ? rel(o, "notFound", "notFound") : "notFound"));

export const EXPECTATIONS: Record<string, RouteRow> = {
  // --- machine-facing and public pages
  "routes/_index": { loader: everyone("redirect") },
  "routes/[.well-known].did[.json]": { loader: everyone("ok") },
  "routes/status-lists.$listId": { params: (_, w) => ({ listId: w.statusList }), loader: everyone("ok") },
  "routes/credentials.$file": {
    params: (ids) => ({ file: `${ids.credential}.json` }),
    scoped: true,
    loader: everyone("ok"),
  },
  "routes/credentials.achievements.$file": { params: (_, w) => ({ file: w.achievementFile }), loader: everyone("ok") },
  "routes/verify.$id": {
    params: (ids) => ({ id: ids.credential }),
    scoped: true,
    loader: everyone("ok"),
    action: everyone("accepted"),
  },
  "routes/$lang": { params: () => lang, loader: everyone("ok") },
  "routes/$lang.$": { params: () => ({ ...lang, "*": "nothing/here" }), loader: everyone("notFound") },
  "routes/$lang._index": { params: () => lang, loader: everyone("ok") },
  "routes/$lang.privacy": { params: () => lang, loader: everyone("ok") },
  "routes/$lang.glossary": { params: () => lang, loader: everyone("ok") },
  "routes/$lang.search": { params: () => lang, loader: everyone("ok") },
  // Opened directly, with no refusal from server.mjs in hand, the page does not exist.
  "routes/$lang.refused": { params: () => lang, loader: everyone("notFound") },
  "routes/$lang.courses._index": { params: () => lang, loader: everyone("ok") },

  // --- signing in and accounts
  "routes/$lang.login": { params: () => lang, loader: guests("ok"), action: guests("accepted") },
  "routes/$lang.signup": { params: () => lang, loader: guests("ok"), action: guests("accepted") },
  "routes/$lang.logout": { params: () => lang, loader: everyone("redirect"), action: everyone("accepted") },
  "routes/$lang.forgot-password": { params: () => lang, loader: everyone("ok"), action: everyone("accepted") },
  "routes/$lang.reset-password": { params: () => lang, loader: everyone("invalid"), action: everyone("accepted") },
  // Link pages: without their token, the same 400 for everyone (the world holds no token).
  "routes/$lang.confirm-email": { params: () => lang, loader: everyone("invalid") },
  "routes/$lang.undo-email-change": { params: () => lang, loader: everyone("invalid"), action: everyone("accepted") },
  "routes/$lang.verify-email": { params: () => lang, loader: everyone("ok"), action: signedIn("accepted") },
  "routes/$lang.invitation": { params: () => lang, loader: everyone("invalid"), action: everyone("accepted") },
  // Only a pending sign-in (password given, second factor due) belongs here; anyone else is
  // sent on: signed out to the sign-in page, signed in to where they were going. Right after
  // enrolling, the enrol page (signed in, nothing pending) shows the recovery codes: no secret.
  // A pending sign-in without an authenticator (the world's org admin) enrols one first.
  "routes/$lang.second-factor": {
    params: () => lang,
    loader: cells("redirect", () => "redirect", "signin"),
    action: cells("redirect", () => "redirect", "signin"),
  },
  "routes/$lang.second-factor_.enrol": {
    params: () => lang,
    loader: cells("redirect", () => "ok", "ok"),
    action: cells("redirect", () => "redirect", "accepted"),
  },
  "routes/$lang.account._index": { params: () => lang, loader: signedIn("ok"), action: signedIn("accepted") },
  // The world's callers have no authenticator, so the form's current password is the whole
  // re-authentication (decision 016).
  "routes/$lang.account.password": { params: () => lang, loader: signedIn("ok"), action: signedIn("accepted") },
  // Anyone signed in may re-authenticate; an empty form is refused as bad input (400).
  "routes/$lang.confirm-access": { params: () => lang, loader: signedIn("ok"), action: signedIn("accepted") },
  // New recovery codes only right after re-authentication, which no caller of the world has given.
  // Behind re-authentication (decision 016); the matrix's sessions have just confirmed access, and
  // the gate itself is tested in account-reauth.test.ts.
  "routes/$lang.account.recovery-codes": { params: () => lang, loader: signedIn("ok"), action: signedIn("accepted") },
  "routes/$lang.account_.language": {
    params: () => lang,
    loader: everyone("redirect"),
    action: signedIn("accepted"),
  },

  // --- learning (any signed-in person is a learner of open courses)
  "routes/$lang.learn": { params: () => lang, loader: signedIn("ok") },
  "routes/$lang.courses.$course._index": {
    params: (_, w) => ({ ...lang, course: w.course }),
    loader: everyone("ok"),
    action: signedIn("accepted"),
    form: () => ({ intent: "enrol" }),
  },
  "routes/$lang.courses.$course.lessons.$lesson": {
    params: (_, w) => ({ ...lang, course: w.course, lesson: w.lesson }),
    loader: signedIn("ok"),
    action: signedIn("accepted"),
  },
  // Starting an attempt needs an enrolment: only the learner of A is enrolled.
  "routes/$lang.courses_.$course_.quizzes.$quiz._index": {
    params: quizParams,
    loader: signedIn("ok"),
    action: cells("signin", (w) => (w === "learner" ? "accepted" : "forbidden")),
  },
  "routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt._index": {
    params: attemptParams((ids) => ids.openAttempt),
    scoped: true,
    loader: holderOnly("ok"),
    action: holderOnly("accepted"),
  },
  "routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.answers": {
    params: attemptParams((ids) => ids.openAttempt),
    scoped: true,
    loader: everyone("redirect"),
    action: holderOnly("accepted"),
  },
  "routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.review": {
    params: attemptParams((ids) => ids.submittedAttempt),
    scoped: true,
    loader: holderOnly("ok"),
  },
  "routes/$lang.courses_.$course_.quizzes.$quiz.accommodations": {
    params: quizParams,
    loader: holders(ACCOMMODATION, "ok"),
    action: holders(ACCOMMODATION, "accepted"),
  },
  "routes/$lang.credentials._index": { params: () => lang, loader: signedIn("ok"), action: signedIn("accepted") },
  "routes/$lang.credentials.$file": {
    params: (ids) => ({ ...lang, file: `${ids.credential}.pdf` }),
    scoped: true,
    loader: holderOnly("ok"),
  },
  // A code is itself the capability: anyone who has it may open it and redeem it. The action
  // is posted with a revoked code (refused, 400), so that no caller joins A on the way.
  "routes/$lang.join._index": { params: () => lang, loader: everyone("ok"), action: everyone("accepted") },
  "routes/$lang.join.$code": {
    params: (ids, w, _, kind) => ({ ...lang, code: kind === "action" ? w.revokedCode : ids.code }),
    loader: everyone("ok"),
    action: everyone("accepted"),
  },

  // --- instructors
  "routes/$lang.instructor._index": { params: () => lang, loader: holders(INSTRUCTOR, "ok") },
  "routes/$lang.instructor.quizzes._index": { params: () => lang, loader: holders(INSTRUCTOR, "ok") },
  "routes/$lang.instructor.quizzes.$quiz": { params: quizParams, loader: holders(INSTRUCTOR, "ok") },
  "routes/$lang.instructor.quizzes.$quiz.export": { params: quizParams, loader: holders(INSTRUCTOR, "ok") },

  // --- organizations (org admins; a platform admin lists and creates organizations only)
  "routes/$lang.orgs._index": {
    params: () => lang,
    loader: holders([...ORG_ADMIN, ...ADMIN], "ok"),
    action: holders(ADMIN, "accepted"),
  },
  "routes/$lang.orgs.$orgId._index": {
    params: withOrg,
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
    action: holders(ORG_ADMIN, orgScopedWrite),
    form: () => ({ intent: "accept" }),
  },
  "routes/$lang.orgs.$orgId.members._index": {
    params: withOrg,
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
    action: holders(ORG_ADMIN, orgScopedWrite),
  },
  "routes/$lang.orgs.$orgId.members.$userId": {
    params: (ids) => ({ ...withOrg(ids), userId: ids.person }),
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
  },
  "routes/$lang.orgs.$orgId.sharing": {
    params: withOrg,
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
    action: holders(ORG_ADMIN, orgScopedWrite),
  },
  "routes/$lang.orgs.$orgId.cohorts.new": {
    params: withOrg,
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
    action: holders(ORG_ADMIN, orgScopedWrite),
  },
  // A joint cohort's partner sees it (its own people in full, the others' names and completion).
  "routes/$lang.orgs.$orgId.cohorts.$cohortId._index": {
    params: cohortParams,
    scoped: true,
    loader: holders(ORG_ADMIN, rel("ok", "notFound", "ok")),
    action: holders(ORG_ADMIN, rel("accepted", "notFound", "accepted")),
  },
  "routes/$lang.orgs.$orgId.cohorts.$cohortId.export": {
    params: cohortParams,
    scoped: true,
    loader: holders(ORG_ADMIN, rel("ok", "notFound", "ok")),
  },
  "routes/$lang.orgs.$orgId.cohorts.$cohortId.codes": {
    params: cohortParams,
    scoped: true,
    loader: holders(ORG_ADMIN, rel("ok", "notFound", "ok")),
    action: holders(ORG_ADMIN, rel("accepted", "notFound", "accepted")),
    form: () => ({ intent: "issue" }),
  },
  "routes/$lang.orgs.import._index": {
    params: () => lang,
    loader: holders(ORG_ADMIN, "ok"),
    action: holders(ORG_ADMIN, "accepted"),
  },
  "routes/$lang.orgs.import.$jobId._index": {
    params: (ids) => ({ ...lang, jobId: ids.job }),
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
    action: holders(ORG_ADMIN, orgScopedWrite),
  },
  "routes/$lang.orgs.import.$jobId.report": {
    params: (ids) => ({ ...lang, jobId: ids.job }),
    scoped: true,
    loader: holders(ORG_ADMIN, orgScoped),
  },

  // --- vetting (supervisors read status; officers record checks; a partner sees categories only)
  "routes/$lang.vetting._index": { params: () => lang, loader: holders(SUPERVISOR, "ok") },
  "routes/$lang.vetting.export": { params: () => lang, loader: holders(SUPERVISOR, "ok") },
  "routes/$lang.vetting.shared": { params: () => lang, loader: holders(SUPERVISOR, "ok") },
  "routes/$lang.vetting.checks": { params: () => lang, loader: holders(OFFICER, "ok") },
  // Decision 013: a shared person's history stays behind the grantor's own organizations.
  "routes/$lang.vetting.$userId": {
    params: (ids) => ({ ...lang, userId: ids.person }),
    scoped: true,
    loader: holders(SUPERVISOR, orgScoped),
    action: holders(SUPERVISOR, orgScopedWrite),
    form: () => ({ intent: "remind" }),
  },
  "routes/$lang.vetting.people.$userId": {
    params: (ids) => ({ ...lang, userId: ids.person }),
    scoped: true,
    loader: holders(VETTING_PAGE, orgScoped),
    action: holders(VETTING_PAGE, orgScopedWrite),
    // Assigning is what both roles may do; the check ids are swapped in the ownership tests.
    form: (ids) => ({ intent: "assign", orgId: ids.org, profileId: "" }),
  },

  // --- platform admin
  "routes/$lang.admin._index": { params: () => lang, loader: holders(ADMIN, "redirect") }, // to admin/users
  "routes/$lang.admin.audit._index": { params: () => lang, loader: holders(ADMIN, "ok") },
  "routes/$lang.admin.audit.export": { params: () => lang, loader: holders(ADMIN, "ok") },
  "routes/$lang.admin.users._index": { params: () => lang, loader: holders(ADMIN, "ok") },
  // The platform admin is above organizations: every organization's person and credential.
  "routes/$lang.admin.users.$userId": {
    params: (ids) => ({ ...lang, userId: ids.person }),
    scoped: true,
    loader: holders(ADMIN, "ok"),
    action: holders(ADMIN, "accepted"),
  },
  "routes/$lang.admin.credentials.$credentialId": {
    params: (ids) => ({ ...lang, credentialId: ids.credential }),
    scoped: true,
    loader: holders(ADMIN, "ok"),
    action: holders(ADMIN, "accepted"),
    form: () => ({ intent: "revoke" }),
  },
};
