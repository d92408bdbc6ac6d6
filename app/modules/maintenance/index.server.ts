export { prune, PRUNE_INTERVAL_MS, startPruneSchedule, type PruneCounts } from "./prune.server.ts";
export { acquireLease, releaseLease, withLease, LEASE_HOLDER } from "./lease.server.ts";
