// A reason in the reader's language: the code picks the sentence, dates are written in the
// reader's language (as UTC calendar days), ids become names through `labels`.
import type { TFunction } from "i18next";
import { formatDate, type Lang } from "~/modules/i18n/index.ts";
import type { Reason } from "./status.ts";

/** Check kind, achievement and profile ids → their names in the reader's language. */
export type VettingLabels = Record<string, string>;

const DATE_PARAMS = new Set(["date", "since"]);

export function reasonText(t: TFunction, reason: Reason, lang: Lang, labels: VettingLabels = {}): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(reason.params))
    values[key] = DATE_PARAMS.has(key) ? formatDate(value, lang, "UTC") : (labels[value] ?? value);
  return t(`vetting:reasons.${reason.code}`, values);
}
