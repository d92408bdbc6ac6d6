// Browser-safe constants: the closed lists content may use (callout kinds, jurisdictions).
// What a learner reads for them is translated like every other string, in the i18n module's
// `content` namespace (`content:callout.<kind>`, `content:jurisdiction.<code>`).

import type { Lang } from "~/modules/i18n/index.ts";

/** Language names in authoring messages (content checks), which are in English only. */
export const LANG_NAMES: Record<Lang, string> = { en: "English", es: "Spanish" };

export const CALLOUT_KINDS = ["red-flag", "legal-note", "example", "key-point"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export const JURISDICTIONS = ["us", "mx", "intl", "both"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
