import { listAchievements, listCheckTypes, listProfiles } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { VettingLabels } from "./reasons.ts";

/** Names of every check kind, achievement and profile in `lang`, for reasons and tables. */
export function vettingLabels(lang: Lang): VettingLabels {
  const labels: VettingLabels = {};
  for (const item of [...listCheckTypes(), ...listAchievements(), ...listProfiles()]) labels[item.id] = item.name[lang];
  return labels;
}
