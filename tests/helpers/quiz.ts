import type { SnapshotItem } from "~/modules/quiz/index.ts";

/** Form fields that answer every item correctly, or wrongly. */
export function answerFields(items: SnapshotItem[], correct: boolean): [string, string][] {
  return items.flatMap((item): [string, string][] => {
    switch (item.type) {
      case "single":
      case "multiple":
        return item.options
          .filter((o) => o.correct === correct)
          .slice(0, item.type === "single" ? 1 : 8)
          .map((o) => [item.key, o.id]);
      case "true-false":
        return [[item.key, String(correct ? item.answer : !item.answer)]];
      case "matching":
        return item.lefts.map((l, i) => [
          `${item.key}.${l.id}`,
          correct ? item.pairs[l.id]! : item.pairs[item.lefts[(i + 1) % item.lefts.length]!.id]!,
        ]);
      case "ordering": {
        const order = correct ? item.correctOrder : [...item.correctOrder].reverse();
        return order.map((id, i) => [`${item.key}.${id}`, String(i + 1)]);
      }
      case "numeric":
        return [[item.key, String(correct ? item.answer : item.answer + 1)]];
      case "short-text":
        return [[item.key, correct ? item.accepted.es[0]! : "nada"]];
    }
  });
}
