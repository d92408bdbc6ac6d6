export { recordAudit, verifyAuditChain } from "./audit.server.ts";
