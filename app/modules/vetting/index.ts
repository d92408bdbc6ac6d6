// Browser-safe entry of the vetting module: statuses, the rules as a pure function, reasons
// in the reader's language, and calendar helpers.
export {
  CHECK_RESULTS,
  EXPIRING_DAYS,
  STATUSES,
  STATUS_RANK,
  evaluate,
  liveEntries,
  type CheckFact,
  type CheckResult,
  type CredentialFact,
  type Evaluation,
  type Lapse,
  type Reason,
  type Requirements,
  type Status,
} from "./status.ts";
export { addMonths, dayString, parseDay, todayOf } from "./dates.ts";
export { reasonText, type VettingLabels } from "./reasons.ts";
export {
  dashboardSearch,
  parseDashboardQuery,
  readinessFilterOf,
  DASHBOARD_PAGE_SIZE,
  DASHBOARD_SORTS,
  type DashboardQuery,
  type DashboardSort,
  type OutlookMonth,
} from "./dashboard.ts";
export { MAX_EVIDENCE_LENGTH, MAX_REASON_LENGTH } from "./limits.ts";
