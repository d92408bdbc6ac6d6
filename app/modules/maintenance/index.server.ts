export { prune, startPruneSchedule, type PruneCounts } from "./prune.server.ts";
