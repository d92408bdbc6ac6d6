export {
  checkAuditChain,
  GENESIS as AUDIT_GENESIS,
  recordAudit,
  verifyAuditChain,
  type ChainEvent,
  type ChainHead,
  type ChainReport,
} from "./audit.server.ts";
export {
  recordSecurityEvent,
  SECURITY_EVENTS_PER_MINUTE,
  securityWindowKey,
  suppressedIn,
  type SecurityEventInput,
} from "./security-events.server.ts";
export {
  allAuditEvents,
  auditActions,
  auditPage,
  AUDIT_PAGE_SIZE,
  type AuditFilter,
  type AuditRow,
} from "./browse.server.ts";
