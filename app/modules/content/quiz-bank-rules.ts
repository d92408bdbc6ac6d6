// Rules about a quiz bank as a whole, beyond each item's own answer key: every drawn topic
// deep enough that a retake meets mostly new items, and no item entered twice by accident.
import { LANGUAGES, type Lang } from "~/modules/i18n/index.ts";
import type { Path } from "./quiz-rules.ts";
import { unitsByTopic } from "./quiz-rules.ts";
import type { QuizItem } from "./quiz-schema.ts";

/**
 * Each drawn topic needs at least this many units per unit drawn. A shallow bank is a content
 * problem, like a draw larger than its topic: `loadContent` refuses the tree.
 */
export const BANK_DEPTH_FACTOR = 3;

export interface ShallowTopic {
  /** Position of the topic in `settings.draw`. */
  drawIndex: number;
  topic: string;
  units: number;
  count: number;
  needed: number;
}

/**
 * Drawn topics whose bank has fewer than BANK_DEPTH_FACTOR × count units (a case counts
 * as one). Topics with no units or fewer units than the draw are left to drawProblems,
 * which already refuses them.
 */
export function shallowTopics(
  items: readonly QuizItem[],
  draw: readonly { topic: string; count: number }[] | undefined,
): ShallowTopic[] {
  const units = unitsByTopic(items);
  const shallow: ShallowTopic[] = [];
  draw?.forEach(({ topic, count }, drawIndex) => {
    const available = units.get(topic) ?? 0;
    const needed = count * BANK_DEPTH_FACTOR;
    if (available >= count && available < needed) {
      shallow.push({ drawIndex, topic, units: available, count, needed });
    }
  });
  return shallow;
}

export function bankDepthMessage(moduleId: string, shallow: ShallowTopic): string {
  return (
    `module ${moduleId}, topic "${shallow.topic}": bank has ${shallow.units} units for a draw of ` +
    `${shallow.count}; needs at least ${shallow.needed} (${BANK_DEPTH_FACTOR}× the draw, a case counts as one)`
  );
}

/** Case, accents, punctuation and spacing do not make two prompts different. */
export function normalizePrompt(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface DuplicatePrompt {
  lang: Lang;
  /** The later item and the path of its text, relative to the quiz's `items` array. */
  id: string;
  path: Path;
  /** The item that already has the same text. */
  firstId: string;
  firstPath: Path;
}

/**
 * Items of one bank whose prompt matches an earlier item's once normalized, in either
 * language. A case is compared by its scenario (its own prompt is usually a generic "read
 * the case"); its sub-items are compared with the other sub-items of the same case,
 * since "What should the bank do?" may fairly recur under different scenarios.
 * `positions[i]` is the index in the file of `items[i]`.
 */
export function duplicatePrompts(items: readonly QuizItem[], positions: readonly number[] = []): DuplicatePrompt[] {
  const found: DuplicatePrompt[] = [];
  for (const lang of LANGUAGES) {
    const seen = new Map<string, { id: string; path: Path }>();
    const check = (scope: Map<string, { id: string; path: Path }>, text: string, id: string, path: Path) => {
      const key = normalizePrompt(text);
      if (key === "") return;
      const first = scope.get(key);
      if (first) found.push({ lang, id, path, firstId: first.id, firstPath: first.path });
      else scope.set(key, { id, path });
    };
    items.forEach((item, i) => {
      const at: Path = [positions[i] ?? i];
      if (item.type !== "case") {
        check(seen, item.prompt[lang], item.id, [...at, "prompt", lang]);
        return;
      }
      check(seen, item.scenario[lang], item.id, [...at, "scenario", lang]);
      const inCase = new Map<string, { id: string; path: Path }>();
      item.items.forEach((sub, j) => check(inCase, sub.prompt[lang], sub.id, [...at, "items", j, "prompt", lang]));
    });
  }
  return found;
}
