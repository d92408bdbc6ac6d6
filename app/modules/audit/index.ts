// Browser-safe entry of the audit module: the audit pages' URL.
export { auditSearch, parseAuditQuery, type AuditQueryRaw } from "./query.ts";
