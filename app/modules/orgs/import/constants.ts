// Browser-safe facts about roster imports, shared by the module and its pages.

/** A file larger than this is refused whole (server/guards.mjs allows 20 MB on `…/import` paths). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** More data lines than this: refused whole (a file this long is better split). */
export const IMPORT_MAX_ROWS = 50_000;
/** Rows applied per transaction. */
export const IMPORT_BATCH_SIZE = 500;
/** Rows shown per page of a report. */
export const IMPORT_PAGE_SIZE = 100;

export const IMPORT_COLUMNS = ["name", "email", "language", "role", "cohort"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** What a row will do (dry run) or did (outcome): new account, nothing to do, changes, or not imported. */
export const ROW_PLANS = ["new", "member", "change", "error"] as const;
export type RowPlan = (typeof ROW_PLANS)[number];

/** Why a row cannot be imported. */
export const ROW_ERRORS = [
  "nameMissing",
  "nameTooLong",
  "emailInvalid",
  "languageInvalid",
  "roleInvalid",
  "cohortMissing",
  "cohortUnknown",
  "cohortAmbiguous",
  "cohortArchived",
  "duplicateRow",
  "conflictingRow",
  "accountDeactivated",
  "inCohortOtherOrg",
  "tooManyCells",
] as const;
export type RowError = (typeof ROW_ERRORS)[number];

/**
 * What a row changes, or a difference it leaves alone. Codes with a line number refer to
 * another row of the same file.
 */
export const ROW_NOTES = [
  "createsAccount",
  "joinsOrg",
  "becomesLearner",
  "joinsCohort",
  "rejoinsCohort",
  "enrolsCourses",
  "invitesRole",
  "alreadyInvited",
  "hasRole",
  "sendsInvitation",
  "nameDiffers",
  "languageDiffers",
  "sameAccountAs",
] as const;
export type RowNoteCode = (typeof ROW_NOTES)[number];
export type RowNote = { code: RowNoteCode; line?: number; role?: string };

/** Why a whole file is refused (nothing is stored). */
export const FILE_ERRORS = [
  "noFile",
  "empty",
  "tooLarge",
  "tooManyRows",
  "notText",
  "spreadsheet",
  "badEncoding",
  "malformed",
  "missingColumns",
  "unknownColumns",
  "duplicateColumns",
  "noRows",
] as const;
export type FileError = (typeof FILE_ERRORS)[number];

export const JOB_STATUSES = ["planned", "running", "finished", "discarded"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Which rows a report page shows (?show=…). */
export const ROW_FILTERS = ["all", ...ROW_PLANS, "applied", "pending"] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];
