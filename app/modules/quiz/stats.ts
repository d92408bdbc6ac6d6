// Item statistics maths, kept pure so it can be checked by hand. Figures are built from running
// sums (a Tally) so the server can fold in responses page by page without holding them all.
//
// - share correct = responses that earned the whole point ÷ responses (an item left blank is a
//   response with no credit);
// - mean score = average credit, counting partial credit;
// - discrimination = corrected item-total correlation: the point-biserial correlation between
//   x = 1 if the item was fully correct (else 0) and y = the percent scored on the REST of the
//   attempt, (attempt points − item score) ÷ (attempt items − 1) × 100, so the item does not
//   correlate with itself. r_pb = (M1 − M0) ÷ s_y × √(p·q), with M1/M0 the mean y of responses
//   with x = 1/0, s_y the population standard deviation of y and p = share with x = 1, q = 1 − p
//   (the same number as Pearson's r between x and y);
// - language flag: both languages have at least FLAG_MIN_RESPONSES responses and their shares
//   correct differ by FLAG_GAP_POINTS percentage points or more.
import { isCorrect } from "./grading.ts";

export const FLAG_MIN_RESPONSES = 30;
export const FLAG_GAP_POINTS = 15;

export type Tally = {
  responses: number;
  correct: number;
  scoreSum: number;
  /** Responses with a rest-of-attempt percent (attempts of two items or more). */
  paired: number;
  pairedCorrect: number;
  sumRest: number;
  sumRestSquared: number;
  sumRestCorrect: number;
};

export type Figures = {
  responses: number;
  correct: number;
  /** 0..1, null without responses */
  shareCorrect: number | null;
  /** 0..1, null without responses */
  meanScore: number | null;
  /** −1..1, null when undefined (no responses, all right, all wrong, or no spread in y) */
  discrimination: number | null;
};

export function emptyTally(): Tally {
  return {
    responses: 0,
    correct: 0,
    scoreSum: 0,
    paired: 0,
    pairedCorrect: 0,
    sumRest: 0,
    sumRestSquared: 0,
    sumRestCorrect: 0,
  };
}

/** Percent scored on the rest of the attempt, or null when the attempt had only this item. */
export function restPercent(attemptPoints: number, attemptItems: number, itemScore: number): number | null {
  if (attemptItems < 2) return null;
  return ((attemptPoints - itemScore) / (attemptItems - 1)) * 100;
}

export function addResponse(tally: Tally, score: number, rest: number | null): void {
  const correct = isCorrect(score);
  tally.responses++;
  tally.scoreSum += score;
  if (correct) tally.correct++;
  if (rest === null) return;
  tally.paired++;
  tally.sumRest += rest;
  tally.sumRestSquared += rest * rest;
  if (correct) {
    tally.pairedCorrect++;
    tally.sumRestCorrect += rest;
  }
}

/** r_pb from the running sums; null when either group is empty or y does not vary. */
export function discriminationOf(t: Tally): number | null {
  const n = t.paired;
  const n1 = t.pairedCorrect;
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return null;
  const mean = t.sumRest / n;
  const variance = t.sumRestSquared / n - mean * mean;
  // Below this the spread is rounding noise (y is a percent, so its variance is in %²).
  if (variance < 1e-9) return null;
  const m1 = t.sumRestCorrect / n1;
  const m0 = (t.sumRest - t.sumRestCorrect) / n0;
  const p = n1 / n;
  const r = ((m1 - m0) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
  return Math.max(-1, Math.min(1, r));
}

export function figuresOf(t: Tally): Figures {
  const any = t.responses > 0;
  return {
    responses: t.responses,
    correct: t.correct,
    shareCorrect: any ? t.correct / t.responses : null,
    meanScore: any ? t.scoreSum / t.responses : null,
    discrimination: discriminationOf(t),
  };
}

/** The direct formula over two lists, for checking against the running sums. */
export function pointBiserial(correct: readonly boolean[], rest: readonly number[]): number | null {
  const tally = emptyTally();
  correct.forEach((c, i) => addResponse(tally, c ? 1 : 0, rest[i]!));
  return discriminationOf(tally);
}

export type LanguageGap = { points: number | null; flagged: boolean };

/**
 * Gap in percentage points between the two languages' shares correct. The flag decision uses
 * exact integer arithmetic, so 15.000… points is never lost to rounding:
 * |c_en·n_es − c_es·n_en| · 100 ≥ 15 · n_en · n_es.
 */
export function languageGap(
  en: Pick<Figures, "responses" | "correct">,
  es: Pick<Figures, "responses" | "correct">,
): LanguageGap {
  if (en.responses === 0 || es.responses === 0) return { points: null, flagged: false };
  const points = Math.abs(en.correct / en.responses - es.correct / es.responses) * 100;
  const enough = en.responses >= FLAG_MIN_RESPONSES && es.responses >= FLAG_MIN_RESPONSES;
  const cross = Math.abs(en.correct * es.responses - es.correct * en.responses);
  return { points, flagged: enough && cross * 100 >= FLAG_GAP_POINTS * en.responses * es.responses };
}

export type OptionCount = {
  /** The option's stable id, or "true"/"false" for a true-false item. */
  id: string;
  /** Option text in the page language; null for true/false (the page translates those). */
  text: string | null;
  correct: boolean;
  chosen: { all: number; en: number; es: number };
};

export type ItemStats = {
  itemId: string;
  type: ItemStatsType;
  topic: string;
  prompt: string;
  all: Figures;
  en: Figures;
  es: Figures;
  gap: LanguageGap;
  /** Single, multiple and true-false items; null for the other types. */
  options: OptionCount[] | null;
  unanswered: { all: number; en: number; es: number };
};

export type ItemStatsType = "single" | "multiple" | "true-false" | "matching" | "ordering" | "numeric" | "short-text";

export type UnitStats = { caseId: string | null; casePrompt: string | null; items: ItemStats[] };

export type QuizStats = {
  quizId: string;
  attempts: { all: number; en: number; es: number };
  units: UnitStats[];
};
