// How a simulated learner answers a quiz item, so the demo's item statistics look like real
// ones: a two-parameter logistic model, P(fully correct) = 1 / (1 + e^(−1.7·a·(θ − b))), with the
// learner's ability θ, the item's difficulty b and discrimination a. Items get their parameters
// from a hash of their id (stable whatever order they are drawn in); a "trap" makes one item much
// harder in one language, the way a misleading translation would.
import type { SnapshotItem } from "~/modules/quiz/index.ts";

export type Random = () => number;

/** mulberry32: small, fast and good enough for simulation. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by `key`. */
export function uniformOf(key: string): number {
  return seededRandom(hash(key))();
}

/**
 * Evenly spread "luck" per item and language: the k-th response to an item gets
 * frac(offset + k·φ), a low-discrepancy sequence, instead of an independent draw. Whether a
 * response is right still depends on the learner's ability (u < P(θ)), but the share correct
 * then tracks the model closely even over 30 to 60 responses, so the two languages differ by
 * the traps and by who happened to draw the item, not by coin-flip noise of ±10 points.
 */
export function evenLuck(): (itemId: string, lang: string) => number {
  const counts = new Map<string, number>();
  return (itemId, lang) => {
    const key = `${lang}:${itemId}`;
    const k = counts.get(key) ?? 0;
    counts.set(key, k + 1);
    const u = uniformOf(`luck:${itemId}`) + k * 0.6180339887498949;
    return u - Math.floor(u);
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export type Trap = { itemId: string; lang: "en" | "es"; extraDifficulty: number; lure: string };

export type ItemModel = { difficulty: number; discrimination: number; lure: string | null };

export function itemModel(itemId: string, lang: "en" | "es", traps: readonly Trap[]): ItemModel {
  const r = seededRandom(hash(itemId));
  const difficulty = -1.5 + 2.7 * r();
  // About one item in ten barely separates stronger from weaker learners, as in real banks.
  const discrimination = r() < 0.1 ? 0.15 : 0.6 + r();
  const trap = traps.find((t) => t.itemId === itemId && t.lang === lang);
  return { difficulty: difficulty + (trap?.extraDifficulty ?? 0), discrimination, lure: trap?.lure ?? null };
}

export function chanceCorrect(ability: number, model: ItemModel): number {
  return 1 / (1 + Math.exp(-1.7 * model.discrimination * (ability - model.difficulty)));
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

/** Form fields (as the quiz page posts them) for one item; [] leaves it unanswered. */
export function simulatedFields(
  item: SnapshotItem,
  correct: boolean,
  model: ItemModel,
  lang: "en" | "es",
  random: Random,
): [string, string][] {
  const k = item.key;
  switch (item.type) {
    case "single": {
      if (correct) return [[k, item.options.find((o) => o.correct)!.id]];
      const wrong = item.options.filter((o) => !o.correct);
      // A trap draws most wrong answers to one option; otherwise the first distractor in the
      // content is the most tempting, as item writers usually put the best one first.
      const lure = wrong.find((o) => o.sourceId === model.lure);
      if (lure && random() < 0.8) return [[k, lure.id]];
      const ranked = [...wrong].sort((a, b) => a.sourceId.localeCompare(b.sourceId));
      const weights = ranked.map((_, i) => 1 / (i + 1));
      let roll = random() * weights.reduce((s, w) => s + w, 0);
      const chosen = ranked.find((_, i) => (roll -= weights[i]!) <= 0) ?? ranked[0]!;
      return [[k, chosen.id]];
    }
    case "multiple": {
      if (correct) return item.options.filter((o) => o.correct).map((o) => [k, o.id]);
      let chosen = item.options.filter((o) => random() < (o.correct ? 0.65 : 0.3));
      if (chosen.length === 0) chosen = [pick(item.options, random)];
      if (chosen.every((o) => o.correct) && chosen.length === item.options.filter((o) => o.correct).length)
        chosen = chosen.slice(1);
      if (chosen.length === 0)
        chosen = [
          pick(
            item.options.filter((o) => !o.correct),
            random,
          ),
        ];
      return chosen.map((o) => [k, o.id]);
    }
    case "true-false":
      return [[k, String(correct ? item.answer : !item.answer)]];
    case "matching": {
      const rights = item.lefts.map((l) => item.pairs[l.id]!);
      if (!correct) {
        // Two answers swapped (partial credit), now and then all of them shifted (none right).
        if (random() < 0.75) {
          const i = Math.floor(random() * rights.length);
          const j = (i + 1 + Math.floor(random() * (rights.length - 1))) % rights.length;
          [rights[i], rights[j]] = [rights[j]!, rights[i]!];
        } else rights.push(rights.shift()!);
      }
      return item.lefts.map((l, i) => [`${k}.${l.id}`, rights[i]!]);
    }
    case "ordering": {
      const order = [...item.correctOrder];
      if (!correct) {
        if (random() < 0.8) {
          const i = Math.floor(random() * (order.length - 1));
          [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
        } else order.reverse();
      }
      return order.map((id, i) => [`${k}.${id}`, String(i + 1)]);
    }
    case "numeric": {
      const off = (item.tolerance + 1) * (1 + Math.floor(random() * 3)) * (random() < 0.5 ? -1 : 1);
      return [[k, String(correct ? item.answer : item.answer + off)]];
    }
    case "short-text":
      return [[k, correct ? item.accepted[lang][0]! : lang === "es" ? "No estoy seguro" : "Not sure"]];
  }
}
