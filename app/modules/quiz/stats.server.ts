// Item statistics over submitted attempts by members of the given organizations. One query for
// the attempts, then their responses in chunks of attempts (a handful of queries in all, never
// one per item); the figures are folded in as running sums (see stats.ts for the formulas).
import { getContent, getQuiz } from "~/modules/content/index.server.ts";
import { quizTitle } from "./title.server.ts";
import type { Quiz, QuizSubItem } from "~/modules/content/index.ts";
import { db } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import {
  addResponse,
  emptyTally,
  figuresOf,
  languageGap,
  restPercent,
  type ItemStats,
  type OptionCount,
  type QuizStats,
  type Tally,
  type UnitStats,
} from "./stats.ts";

/** Attempts per query when reading responses: well under SQLite's and PostgreSQL's parameter limits. */
const ATTEMPTS_PER_QUERY = 1000;

function submittedBy(orgIds: readonly string[]) {
  return { status: "submitted", user: { memberships: { some: { orgId: { in: [...orgIds] } } } } };
}

type Split = { all: number; en: number; es: number };
const split = (): Split => ({ all: 0, en: 0, es: 0 });

/** Submitted attempts per quiz and language, for the quiz list. */
export async function submittedAttemptCounts(orgIds: readonly string[]): Promise<Map<string, Split>> {
  if (orgIds.length === 0) return new Map();
  const groups = await db.quizAttempt.groupBy({
    by: ["quizId", "lang"],
    where: submittedBy(orgIds),
    _count: { _all: true },
  });
  const counts = new Map<string, Split>();
  for (const g of groups) {
    const entry = counts.get(g.quizId) ?? split();
    entry.all += g._count._all;
    if (g.lang === "en" || g.lang === "es") entry[g.lang] += g._count._all;
    counts.set(g.quizId, entry);
  }
  return counts;
}

export type QuizListRow = { id: string; title: string; courses: string[]; attempts: Split };

/** Every quiz in the content, in module order, with its submitted attempts by members of `orgIds`. */
export async function quizzesWithAttempts(orgIds: readonly string[], lang: Lang): Promise<QuizListRow[]> {
  const counts = await submittedAttemptCounts(orgIds);
  const { quizzes, courses } = getContent();
  return quizzes.map((quiz) => ({
    id: quiz.id,
    title: quizTitle(quiz, lang),
    courses: courses.filter((c) => c.modules.includes(quiz.moduleId)).map((c) => c.title[lang]),
    attempts: counts.get(quiz.id) ?? split(),
  }));
}

/** The quiz named in the URL, or `null` when there is none (the route answers 404). */
export function quizForStats(quizId: string | undefined): Quiz | null {
  return (quizId ? getQuiz(quizId) : undefined) ?? null;
}

type Accumulator = {
  item: QuizSubItem;
  topic: string;
  tallies: Record<"all" | "en" | "es", Tally>;
  chosen: Map<string, Split>;
  unanswered: Split;
};

function chosenIds(type: QuizSubItem["type"], chosen: unknown): string[] {
  if (type === "single" || type === "multiple") return Array.isArray(chosen) ? chosen.map(String) : [];
  if (type === "true-false") return typeof chosen === "boolean" ? [String(chosen)] : [];
  return [];
}

function record(
  acc: Accumulator,
  lang: "en" | "es" | null,
  score: number,
  rest: number | null,
  chosenJson: string,
): void {
  const targets = lang ? (["all", lang] as const) : (["all"] as const);
  for (const key of targets) addResponse(acc.tallies[key], score, rest);
  const bump = (counter: Split) => {
    for (const key of targets) counter[key]++;
  };
  if (chosenJson === "null") return bump(acc.unanswered);
  let chosen: unknown = null;
  try {
    chosen = JSON.parse(chosenJson);
  } catch {
    return;
  }
  for (const id of new Set(chosenIds(acc.item.type, chosen))) {
    const counter = acc.chosen.get(id) ?? split();
    bump(counter);
    acc.chosen.set(id, counter);
  }
}

function optionsOf(acc: Accumulator, lang: Lang): OptionCount[] | null {
  const item = acc.item;
  const count = (id: string) => acc.chosen.get(id) ?? split();
  if (item.type === "single" || item.type === "multiple") {
    return item.options.map((o) => ({
      id: o.id,
      text: o.text[lang],
      correct: o.correct === true,
      chosen: count(o.id),
    }));
  }
  if (item.type === "true-false") {
    return [true, false].map((v) => ({
      id: String(v),
      text: null,
      correct: item.answer === v,
      chosen: count(String(v)),
    }));
  }
  return null;
}

function itemStats(acc: Accumulator, lang: Lang): ItemStats {
  const [all, en, es] = (["all", "en", "es"] as const).map((k) => figuresOf(acc.tallies[k])) as [
    ReturnType<typeof figuresOf>,
    ReturnType<typeof figuresOf>,
    ReturnType<typeof figuresOf>,
  ];
  return {
    itemId: acc.item.id,
    type: acc.item.type,
    topic: acc.topic,
    prompt: acc.item.prompt[lang],
    all,
    en,
    es,
    gap: languageGap(en, es),
    options: optionsOf(acc, lang),
    unanswered: acc.unanswered,
  };
}

/**
 * Statistics for every item of the quiz as the content has it now (case sub-items under their
 * case), over submitted attempts by members of `orgIds`; texts in `lang`. Responses to items
 * no longer in the quiz are left out.
 */
export async function quizItemStatistics(quiz: Quiz, orgIds: readonly string[], lang: Lang): Promise<QuizStats> {
  const accumulators = new Map<string, Accumulator>();
  const newAcc = (item: QuizSubItem, topic: string): Accumulator => {
    const acc = {
      item,
      topic,
      tallies: { all: emptyTally(), en: emptyTally(), es: emptyTally() },
      chosen: new Map(),
      unanswered: split(),
    };
    accumulators.set(item.id, acc);
    return acc;
  };
  const unitAccs = quiz.items.map((item) =>
    item.type === "case"
      ? {
          caseId: item.id,
          casePrompt: item.prompt[lang],
          accs: item.items.map((sub) => newAcc(sub, sub.topic ?? item.topic)),
        }
      : { caseId: null, casePrompt: null, accs: [newAcc(item, item.topic)] },
  );

  const attempts =
    orgIds.length === 0
      ? []
      : await db.quizAttempt.findMany({
          where: { quizId: quiz.id, ...submittedBy(orgIds) },
          select: { id: true, lang: true, scorePoints: true, maxPoints: true },
        });
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const counts = split();
  for (const a of attempts) {
    counts.all++;
    if (a.lang === "en" || a.lang === "es") counts[a.lang]++;
  }

  for (let i = 0; i < attempts.length; i += ATTEMPTS_PER_QUERY) {
    const ids = attempts.slice(i, i + ATTEMPTS_PER_QUERY).map((a) => a.id);
    const responses = await db.quizResponse.findMany({
      where: { attemptId: { in: ids } },
      select: { attemptId: true, itemId: true, score: true, chosen: true },
    });
    for (const r of responses) {
      const acc = accumulators.get(r.itemId);
      const attempt = byId.get(r.attemptId);
      if (!acc || !attempt) continue;
      const score = r.score ?? 0;
      const lang = attempt.lang === "en" || attempt.lang === "es" ? attempt.lang : null;
      record(acc, lang, score, restPercent(attempt.scorePoints ?? 0, attempt.maxPoints, score), r.chosen);
    }
  }

  const units: UnitStats[] = unitAccs.map((u) => ({
    caseId: u.caseId,
    casePrompt: u.casePrompt,
    items: u.accs.map((acc) => itemStats(acc, lang)),
  }));
  return { quizId: quiz.id, attempts: counts, units };
}
