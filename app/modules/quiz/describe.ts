// Answers and keys as readable lines, for the review page.
import type { Lang } from "~/modules/i18n/index.ts";
import type { Answer, SnapshotItem } from "./types.ts";

export type Words = { yes: string; no: string; position: (n: number) => string };

export function describeAnswer(item: SnapshotItem, answer: Answer | undefined, lang: Lang, words: Words): string[] {
  if (!answer) return [];
  switch (item.type) {
    case "single":
    case "multiple": {
      const ids = answer.type === "single" ? [answer.choice] : answer.type === "multiple" ? answer.choices : [];
      return item.options.filter((o) => ids.includes(o.id)).map((o) => o.text[lang]);
    }
    case "true-false":
      return answer.type === "true-false" ? [answer.value ? words.yes : words.no] : [];
    case "matching": {
      if (answer.type !== "matching") return [];
      return item.lefts.flatMap((l) => {
        const right = item.rights.find((r) => r.id === answer.matches[l.id]);
        return right ? [`${l.text[lang]} → ${right.text[lang]}`] : [];
      });
    }
    case "ordering": {
      if (answer.type !== "ordering") return [];
      return answer.order.map(
        (id, i) => `${words.position(i + 1)} ${item.steps.find((s) => s.id === id)?.text[lang] ?? ""}`,
      );
    }
    case "numeric":
      return answer.type === "numeric" ? [`${answer.value}${item.unit ? ` ${item.unit[lang]}` : ""}`] : [];
    case "short-text":
      return answer.type === "short-text" ? [answer.text] : [];
  }
}

export function describeKey(item: SnapshotItem, lang: Lang, words: Words): string[] {
  switch (item.type) {
    case "single":
    case "multiple":
      return item.options.filter((o) => o.correct).map((o) => o.text[lang]);
    case "true-false":
      return [item.answer ? words.yes : words.no];
    case "matching":
      return item.lefts.map(
        (l) => `${l.text[lang]} → ${item.rights.find((r) => r.id === item.pairs[l.id])?.text[lang] ?? ""}`,
      );
    case "ordering":
      return item.correctOrder.map(
        (id, i) => `${words.position(i + 1)} ${item.steps.find((s) => s.id === id)?.text[lang] ?? ""}`,
      );
    case "numeric":
      return [`${item.answer}${item.tolerance ? ` ± ${item.tolerance}` : ""}${item.unit ? ` ${item.unit[lang]}` : ""}`];
    case "short-text":
      return item.accepted[lang];
  }
}
