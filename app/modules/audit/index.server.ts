export { GENESIS as AUDIT_GENESIS, recordAudit, verifyAuditChain } from "./audit.server.ts";
