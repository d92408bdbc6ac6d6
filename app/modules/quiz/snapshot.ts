import type { Quiz, QuizItem, QuizSubItem } from "~/modules/content/index.ts";
import { opaqueIds, scramble, shuffle, type Random } from "./random.ts";
import type { AttemptSnapshot, Choice, SnapshotItem, SnapshotUnit } from "./types.ts";

/** Picks the units (an item, or a case with its items) for one attempt, per the quiz's draw rules. */
export function drawUnits(quiz: Quiz, random: Random): QuizItem[] {
  const draw = quiz.settings.draw;
  if (!draw?.length) return shuffle(quiz.items, random);
  const picked = draw.flatMap(({ topic, count }) =>
    shuffle(
      quiz.items.filter((item) => item.topic === topic),
      random,
    ).slice(0, count),
  );
  return shuffle(picked, random);
}

/**
 * How many questions an attempt shows, counted the way the attempt numbers them (each question
 * of a case counts). With draw rules the count may depend on which cases are drawn.
 */
export function questionRange(quiz: Quiz): { min: number; max: number } {
  const questions = (item: QuizItem) => (item.type === "case" ? item.items.length : 1);
  const draw = quiz.settings.draw;
  if (!draw?.length) {
    const total = quiz.items.reduce((sum, item) => sum + questions(item), 0);
    return { min: total, max: total };
  }
  let min = 0;
  let max = 0;
  for (const { topic, count } of draw) {
    const sizes = quiz.items
      .filter((item) => item.topic === topic)
      .map(questions)
      .sort((a, b) => a - b);
    min += sizes.slice(0, count).reduce((a, b) => a + b, 0);
    max += sizes.slice(-count).reduce((a, b) => a + b, 0);
  }
  return { min, max };
}

function choices<T extends { id: string }>(
  sources: readonly T[],
  text: (source: T) => Choice["text"],
  random: Random,
): (Choice & { source: T })[] {
  const ids = opaqueIds(sources.length, random);
  return sources.map((source, i) => ({ id: ids[i]!, sourceId: source.id, text: text(source), source }));
}

function snapshotItem(
  item: QuizSubItem & { topic?: string },
  key: string,
  topic: string,
  shuffleOptions: boolean,
  random: Random,
): SnapshotItem {
  const base = { key, itemId: item.id, topic: item.topic ?? topic, prompt: item.prompt, explanation: item.explanation };
  switch (item.type) {
    case "single":
    case "multiple": {
      const options = choices(item.options, (o) => o.text, random).map(({ source, ...c }) => ({
        ...c,
        correct: source.correct === true,
      }));
      const ordered = shuffleOptions && item.shuffle !== false ? shuffle(options, random) : options;
      return { ...base, type: item.type, options: ordered };
    }
    case "true-false":
      return { ...base, type: "true-false", answer: item.answer };
    case "matching": {
      const lefts = choices(item.pairs, (p) => p.left, random);
      const rights = choices(item.pairs, (p) => p.right, random);
      const pairs = Object.fromEntries(lefts.map((l, i) => [l.id, rights[i]!.id]));
      const strip = ({ source: _s, ...c }: Choice & { source: unknown }): Choice => c;
      const shownLefts = shuffle(lefts.map(strip), random);
      // Scrambled against the order the left column is shown in, so reading across is never the key.
      const alignedRights = shownLefts.map((l) => rights.find((r) => r.id === pairs[l.id])!).map(strip);
      return { ...base, type: "matching", lefts: shownLefts, rights: scramble(alignedRights, random), pairs };
    }
    case "ordering": {
      const steps = choices(item.steps, (s) => s.text, random).map(({ source: _s, ...c }) => c);
      return { ...base, type: "ordering", steps: scramble(steps, random), correctOrder: steps.map((s) => s.id) };
    }
    case "numeric":
      return { ...base, type: "numeric", answer: item.answer, tolerance: item.tolerance, unit: item.unit ?? null };
    case "short-text":
      return { ...base, type: "short-text", accepted: item.accepted };
  }
}

export function buildSnapshot(quiz: Quiz, contentVersion: string, random: Random): AttemptSnapshot {
  let n = 0;
  const shuffleOptions = quiz.settings.shuffleOptions;
  const units: SnapshotUnit[] = drawUnits(quiz, random).map((item) => {
    if (item.type === "case") {
      return {
        caseId: item.id,
        scenario: item.scenario,
        casePrompt: item.prompt,
        items: item.items.map((sub) => snapshotItem(sub, `q${++n}`, item.topic, shuffleOptions, random)),
      };
    }
    return {
      caseId: null,
      scenario: null,
      casePrompt: null,
      items: [snapshotItem(item, `q${++n}`, item.topic, shuffleOptions, random)],
    };
  });
  return { quizId: quiz.id, contentVersion, units };
}

export function snapshotItems(snapshot: AttemptSnapshot): SnapshotItem[] {
  return snapshot.units.flatMap((u) => u.items);
}
