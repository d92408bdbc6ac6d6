// Browser-safe entry of the quiz module: the shapes pages render (snapshots, answers, public
// items, item statistics) and the accommodation bounds the form and the server share.
export type * from "./types.ts";
export type { Figures, ItemStats, ItemStatsType, LanguageGap, OptionCount, QuizStats, UnitStats } from "./stats.ts";
export { FLAG_GAP_POINTS, FLAG_MIN_RESPONSES } from "./stats.ts";
export { MAX_EXTRA_ATTEMPTS, MAX_EXTRA_MINUTES, MAX_REASON_LENGTH } from "./limits.ts";
