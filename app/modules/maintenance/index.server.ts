export { prune, PRUNE_INTERVAL_MS, startPruneSchedule, type PruneCounts } from "./prune.server.ts";
