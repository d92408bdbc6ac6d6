import type { Lang } from "~/modules/i18n/index.ts";
import type { AttemptSnapshot, PublicItem, PublicUnit, SnapshotItem } from "./types.ts";

// Builds each field the browser may see by hand (never by spreading the snapshot), so a key
// added to the snapshot later cannot leak by accident.
function publicItem(item: SnapshotItem, lang: Lang): PublicItem {
  const common = { key: item.key, prompt: item.prompt[lang] };
  switch (item.type) {
    case "single":
    case "multiple":
      return { ...common, type: item.type, options: item.options.map((o) => ({ id: o.id, text: o.text[lang] })) };
    case "true-false":
      return { ...common, type: "true-false" };
    case "matching":
      return {
        ...common,
        type: "matching",
        lefts: item.lefts.map((l) => ({ id: l.id, text: l.text[lang] })),
        rights: item.rights.map((r) => ({ id: r.id, text: r.text[lang] })),
      };
    case "ordering":
      return { ...common, type: "ordering", steps: item.steps.map((s) => ({ id: s.id, text: s.text[lang] })) };
    case "numeric":
      return { ...common, type: "numeric", unit: item.unit ? item.unit[lang] : null };
    case "short-text":
      return { ...common, type: "short-text" };
  }
}

export function publicUnits(snapshot: AttemptSnapshot, lang: Lang): PublicUnit[] {
  return snapshot.units.map((unit) => ({
    scenario: unit.scenario ? unit.scenario[lang] : null,
    casePrompt: unit.casePrompt ? unit.casePrompt[lang] : null,
    items: unit.items.map((item) => publicItem(item, lang)),
  }));
}
