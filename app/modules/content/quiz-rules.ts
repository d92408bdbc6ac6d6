// Answer-key rules that zod's discriminated union cannot express: every item must have
// a correct answer, and ids inside an item must not repeat.
import type { QuizItem, QuizSubItem } from "./quiz-schema.ts";

export type Path = readonly (string | number)[];
export interface PathIssue {
  path: Path;
  message: string;
}

export function answerKeyIssues(item: QuizItem | QuizSubItem, path: Path): PathIssue[] {
  const issues: PathIssue[] = [];
  switch (item.type) {
    case "single":
    case "multiple": {
      const correct = item.options.filter((option) => option.correct === true).length;
      if (item.type === "single" && correct !== 1) {
        issues.push({
          path: [...path, "options"],
          message: `a single-choice item needs exactly one correct option (found ${correct})`,
        });
      }
      if (item.type === "multiple" && correct < 1) {
        issues.push({
          path: [...path, "options"],
          message: "a multiple-response item needs at least one correct option (found 0)",
        });
      }
      issues.push(...repeatedIds(item.options, [...path, "options"]));
      break;
    }
    case "matching":
      issues.push(...repeatedIds(item.pairs, [...path, "pairs"]));
      break;
    case "ordering":
      issues.push(...repeatedIds(item.steps, [...path, "steps"]));
      break;
    case "case":
      item.items.forEach((sub, index) => {
        issues.push(...answerKeyIssues(sub, [...path, "items", index]));
      });
      break;
    default:
      break;
  }
  return issues;
}

function repeatedIds(entries: readonly { id: string }[], path: Path): PathIssue[] {
  const seen = new Set<string>();
  const issues: PathIssue[] = [];
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      issues.push({ path: [...path, index, "id"], message: `duplicate id "${entry.id}" in this item` });
    }
    seen.add(entry.id);
  });
  return issues;
}

/** Draw units: a case counts as one unit of its own topic. */
export function unitsByTopic(items: readonly QuizItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.topic, (counts.get(item.topic) ?? 0) + 1);
  return counts;
}
