// Public server entry of the vetting module: requirement profiles assigned to people, vetting
// checks (recorded, corrected, renewed — never edited), and readiness: the status of each
// person under each profile, kept in the same transaction as every change that affects it.
export * from "./index.ts";
export {
  lapsesBetween,
  listReadiness,
  refreshPerson as refreshVetting,
  refreshStale as refreshStaleReadiness,
  requirementsOf,
  type LapseRow,
  type Readiness,
  type ReadinessFilter,
  type ReadinessRow,
  type ReadinessSort,
} from "./readiness.server.ts";
export {
  personVetting,
  type PersonAssignment,
  type PersonCheck,
  type PersonCredential,
  type PersonVetting,
} from "./person.server.ts";
export {
  assignProfile,
  correctCheck,
  endAssignment,
  recordCheck,
  renewCheck,
  MAX_EVIDENCE_LENGTH,
  MAX_REASON_LENGTH,
  RECORD_REFUSALS,
  type CheckInput,
  type RecordOutcome,
  type RecordRefusal,
  type VettingActor,
} from "./record.server.ts";
export { vettingLabels } from "./labels.server.ts";
export {
  dueItems,
  plannedReminders,
  reminderKey,
  thresholdFor,
  REMINDER_THRESHOLDS,
  type DueItem,
  type PlannedReminder,
  type ReminderItemKind,
} from "./reminders-due.server.ts";
export { REMINDER_KIND, sendReminder } from "./reminders-message.server.ts";
export {
  queueReminderNow,
  recordReminders,
  registerReminderSender,
  runReminders,
  startReminderSchedule,
  REMINDER_LEASE,
  type ReminderRun,
} from "./reminders.server.ts";
export { readinessOutlook, monthsBetween, OUTLOOK_DAYS, type Outlook } from "./outlook.server.ts";
export {
  allDashboardRows,
  dashboardView,
  type CurrentCredentials,
  type DashboardRow,
  type DashboardView,
} from "./dashboard.server.ts";
export { lapseActions, type LapseAction } from "./lapse-actions.server.ts";
export { officerWork, unassignedPeople, type OfficerWork, type UnassignedPerson, type WorkRow } from "./work.server.ts";
export { recordHistory, type HistoryAssignment, type HistoryCheck } from "./seed.server.ts";
export { noteForbidden, recordRefusedPerson, type VettingPage } from "./refused-reads.server.ts";
