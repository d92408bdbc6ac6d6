// Bulk enrolment from a CSV file: the public surface, re-exported by app/modules/orgs/index.server.ts.
export * from "./constants.ts";
export { decodeCsv, detectDelimiter, type Encoding } from "./decode.server.ts";
export { parseRoster, type ParsedFile, type ParsedRow } from "./parse.server.ts";
export { planImport, type PlanResult } from "./plan.server.ts";
export { applyNextBatch, INVITATION_TTL_DAYS, LEASE_MS } from "./apply.server.ts";
export {
  confirmImport,
  discardImport,
  findImportJob,
  importJobSettled,
  importReport,
  importRowsForExport,
  recentImportJobs,
  resumeIfStalled,
  resumeImportJobs,
  runImportJob,
  startImportJob,
  startImportWorkers,
} from "./jobs.server.ts";
export {
  drainOutbox,
  INVITATION_ACCEPT_ROUTE,
  outboxCounts,
  registerOutboxSender,
  type DrainResult,
  type OutboxSender,
} from "./outbox.server.ts";
export { reportCsv } from "./export.server.ts";
