// Public server entry of the orgs module: organizations, memberships and roles, invitations,
// cohorts and their progress, joint cohorts, enrolment codes, role-based home data.
export * from "./orgs.server.ts";
export {
  acceptInvitation,
  createOrganizationWithAdmin,
  pendingInvitations,
  PENDING_INVITATIONS_SHOWN,
  resendInvitation,
  RESEND_WINDOW_MINUTES,
  sendInvitation,
  viewInvitation,
  type AcceptOutcome,
  type PendingInvitation,
  type ResendOutcome,
  type CreateOrgOutcome,
  type InvitationView,
  type NewOrganization,
} from "./invitations.server.ts";
export {
  addPeople,
  archiveCohort,
  cohortFor,
  cohortOfCaller,
  cohortsOf,
  createCohort,
  removePerson,
  type AddPeopleOutcome,
  type CohortAccess,
  type CohortListItem,
  type NewCohort,
} from "./cohorts.server.ts";
export {
  allProgressRows,
  cohortProgress,
  dayOf,
  overdueCount,
  type CourseCell,
  type ProgressPage,
  type ProgressRow,
} from "./progress.server.ts";
export {
  codesOf,
  displayCode,
  issueCode,
  previewCode,
  redeemCode,
  revokeCode,
  type CodePreview,
  type CodeProblem,
  type CodeRow,
  type RedeemOutcome,
} from "./codes.server.ts";
export {
  invitePartner,
  partnerCandidates,
  pendingPartnerInvitations,
  respondToPartnerInvitation,
  type PartnerInvitation,
} from "./partners.server.ts";
export { personRecord, type PersonRecord } from "./person.server.ts";
export {
  instructorActivity,
  learnerDueItems,
  orgAdminCohorts,
  type AdminCohortSummary,
  type CourseActivity,
  type DueItem,
} from "./home.server.ts";
export { toCsv, guardFormula, type CsvCell } from "./csv.server.ts";
export * from "./import/index.server.ts";
