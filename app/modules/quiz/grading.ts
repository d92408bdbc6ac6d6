// Scores are fractions of one point per item. Partial credit (documented in docs/quiz-grading.md):
// - multiple response: (correct options chosen − wrong options chosen) ÷ correct options, never below 0;
// - matching: pairs matched correctly ÷ pairs;
// - ordering: neighbouring steps kept in the right order ÷ (steps − 1), so moving one step
//   costs little while a reversed list scores 0;
// - every other type: 1 or 0.
import { fold } from "~/modules/text/index.ts";
import type { Answer, SnapshotItem } from "./types.ts";

export function normalizeText(value: string): string {
  return fold(value)
    .replace(/[.,;:!?¿¡"'()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function gradeItem(item: SnapshotItem, answer: Answer | undefined): number {
  if (!answer || answer.type !== item.type) return 0;
  switch (item.type) {
    case "single": {
      const choice = (answer as Extract<Answer, { type: "single" }>).choice;
      return item.options.find((o) => o.id === choice)?.correct ? 1 : 0;
    }
    case "multiple": {
      const chosen = new Set((answer as Extract<Answer, { type: "multiple" }>).choices);
      const correct = item.options.filter((o) => o.correct);
      const right = correct.filter((o) => chosen.has(o.id)).length;
      const wrong = item.options.filter((o) => !o.correct && chosen.has(o.id)).length;
      return Math.max(0, (right - wrong) / correct.length);
    }
    case "true-false":
      return (answer as Extract<Answer, { type: "true-false" }>).value === item.answer ? 1 : 0;
    case "matching": {
      const matches = (answer as Extract<Answer, { type: "matching" }>).matches;
      const lefts = Object.keys(item.pairs);
      return lefts.filter((left) => matches[left] === item.pairs[left]).length / lefts.length;
    }
    case "ordering": {
      const order = (answer as Extract<Answer, { type: "ordering" }>).order;
      const position = new Map(order.map((id, i) => [id, i]));
      const steps = item.correctOrder;
      let kept = 0;
      for (let i = 0; i + 1 < steps.length; i++) {
        const a = position.get(steps[i]!);
        const b = position.get(steps[i + 1]!);
        if (a !== undefined && b !== undefined && b === a + 1) kept++;
      }
      return kept / (steps.length - 1);
    }
    case "numeric": {
      const value = (answer as Extract<Answer, { type: "numeric" }>).value;
      return Math.abs(value - item.answer) <= item.tolerance + 1e-9 ? 1 : 0;
    }
    case "short-text": {
      const given = normalizeText((answer as Extract<Answer, { type: "short-text" }>).text);
      // An answer accepted in either language counts: a Spanish reader may well type "SAR".
      const accepted = [...item.accepted.en, ...item.accepted.es].map(normalizeText);
      return given !== "" && accepted.includes(given) ? 1 : 0;
    }
  }
}

/** Whether an answer counts as fully correct (for "share correct" and the review marks). */
export function isCorrect(score: number): boolean {
  return score >= 1 - 1e-9;
}

export function percentOf(scores: number[]): number {
  if (scores.length === 0) return 0;
  return (scores.reduce((a, b) => a + b, 0) / scores.length) * 100;
}
