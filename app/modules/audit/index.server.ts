export { GENESIS as AUDIT_GENESIS, recordAudit, verifyAuditChain } from "./audit.server.ts";
export { recordSecurityEvent } from "./security-events.server.ts";
