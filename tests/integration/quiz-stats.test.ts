import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Quiz } from "~/modules/content/index.ts";
import { db } from "~/modules/db/index.server.ts";
import {
  ownAttempt,
  pointBiserial,
  quizItemStatistics,
  saveAnswers,
  snapshotItems,
  submittedAttemptCounts,
} from "~/modules/quiz/index.server.ts";
import { createMember, createOrg, resetDatabase } from "../helpers/factories.ts";
import { fieldsFor, takeAttempt, type Pick } from "./quiz-stats-helpers.ts";

beforeEach(resetDatabase);

const L = (en: string, es: string) => ({ en, es });
const x = L("Because.", "Porque.");

const quiz: Quiz = {
  id: "stats-quiz",
  moduleId: "m-stats",
  title: L("Stats quiz", "Cuestionario de estadísticas"),
  settings: { passMark: 60, maxAttempts: 0, cooldownMinutes: 0, shuffleOptions: true, reviewPolicy: "always" },
  items: [
    {
      id: "st-single",
      type: "single",
      topic: "a",
      prompt: L("Which stage?", "¿Qué etapa?"),
      explanation: x,
      options: [
        { id: "a", text: L("Placement", "Colocación") },
        { id: "b", text: L("Integration", "Integración"), correct: true },
        { id: "c", text: L("Layering", "Estratificación") },
      ],
    },
    {
      id: "st-tf",
      type: "true-false",
      topic: "a",
      prompt: L("R.20 covers cash?", "¿La R.20 cubre efectivo?"),
      explanation: x,
      answer: false,
    },
    {
      id: "st-multi",
      type: "multiple",
      topic: "a",
      prompt: L("Red flags?", "¿Señales de alerta?"),
      explanation: x,
      options: [
        { id: "a", text: L("Split deposits", "Depósitos fraccionados"), correct: true },
        { id: "b", text: L("Asks about the form", "Pregunta por el formato"), correct: true },
        { id: "c", text: L("Pays a bill", "Paga la luz") },
        { id: "d", text: L("Has a passport", "Tiene pasaporte") },
      ],
    },
    {
      id: "st-case",
      type: "case",
      topic: "b",
      prompt: L("Read the case.", "Lea el caso."),
      explanation: x,
      scenario: L("A bank on 1 March…", "Un banco el 1 de marzo…"),
      items: [
        {
          id: "st-case-tf",
          type: "true-false",
          prompt: L("SAR due?", "¿Procede el reporte?"),
          explanation: x,
          answer: true,
        },
        { id: "st-case-num", type: "numeric", prompt: L("Days?", "¿Días?"), explanation: x, answer: 60, tolerance: 0 },
      ],
    },
  ],
};

// Four submitted attempts, scored by hand (5 items, one point each):
//   A1 en: single ✓, tf ✓, multi 1, case-tf ✓, num ✓            → 5   (100%)
//   A2 en: single ✗, tf ✓, multi ½ (a), case-tf ✗, num blank     → 1.5 (30%)
//   A3 es: single ✓, tf ✗, multi ½ (a, b, c), case-tf ✓, num ✓   → 3.5 (70%)
//   A4 es: single ✗ (c), all else blank but num ✗                → 0
const ANSWERS: { lang: "en" | "es"; picks: Record<string, Pick> }[] = [
  {
    lang: "en",
    picks: { "st-single": ["b"], "st-tf": false, "st-multi": ["a", "b"], "st-case-tf": true, "st-case-num": 60 },
  },
  {
    lang: "en",
    picks: { "st-single": ["a"], "st-tf": false, "st-multi": ["a"], "st-case-tf": false, "st-case-num": null },
  },
  {
    lang: "es",
    picks: { "st-single": ["b"], "st-tf": true, "st-multi": ["a", "b", "c"], "st-case-tf": true, "st-case-num": 60 },
  },
  { lang: "es", picks: { "st-single": ["c"], "st-tf": null, "st-multi": null, "st-case-tf": null, "st-case-num": 12 } },
];

async function scenario() {
  const org = await createOrg();
  for (const { lang, picks } of ANSWERS) {
    const { user } = await createMember("learner", org.id);
    await takeAttempt(user.id, quiz, lang, (items) => fieldsFor(items, picks));
  }
  // Not counted: an attempt still open (answers saved, all right) and another organization's learner.
  const { user: open } = await createMember("learner", org.id);
  const openId = await takeAttempt(open.id, quiz, "en", () => [], false);
  const items = snapshotItems((await ownAttempt(openId, open.id))!.snapshot);
  expect(
    (await saveAnswers({ attemptId: openId, userId: open.id, fields: fieldsFor(items, ANSWERS[0]!.picks) })).ok,
  ).toBe(true);
  const outsider = await createMember("learner");
  await takeAttempt(outsider.user.id, quiz, "es", (items) => fieldsFor(items, ANSWERS[0]!.picks));
  return { orgId: org.id, otherOrgId: outsider.orgId };
}

describe("item statistics over real attempts", () => {
  it("counts responses, full and partial credit, choices and languages per item", async () => {
    const { orgId } = await scenario();
    const stats = await quizItemStatistics(quiz, [orgId], "en");
    expect(stats.attempts).toEqual({ all: 4, en: 2, es: 2 });
    expect(stats.units.map((u) => [u.caseId, u.items.map((i) => i.itemId)])).toEqual([
      [null, ["st-single"]],
      [null, ["st-tf"]],
      [null, ["st-multi"]],
      ["st-case", ["st-case-tf", "st-case-num"]],
    ]);
    const [single, tf, multi] = stats.units.slice(0, 3).map((u) => u.items[0]!);
    const [caseTf, num] = stats.units[3]!.items;

    expect(single).toMatchObject({
      type: "single",
      prompt: "Which stage?",
      all: { responses: 4, correct: 2, shareCorrect: 0.5, meanScore: 0.5 },
    });
    expect(single!.en).toMatchObject({ responses: 2, correct: 1 });
    expect(single!.es).toMatchObject({ responses: 2, correct: 1 });
    // Rest of the attempt without this item: (5−1)/4, 1.5/4, (3.5−1)/4, 0/4 → 100, 37.5, 62.5, 0.
    expect(single!.all.discrimination).toBeCloseTo(
      pointBiserial([true, false, true, false], [100, 37.5, 62.5, 0])!,
      12,
    );
    expect(single!.all.discrimination).toBeCloseTo(0.8575, 4);
    expect(single!.options).toEqual([
      { id: "a", text: "Placement", correct: false, chosen: { all: 1, en: 1, es: 0 } },
      { id: "b", text: "Integration", correct: true, chosen: { all: 2, en: 1, es: 1 } },
      { id: "c", text: "Layering", correct: false, chosen: { all: 1, en: 0, es: 1 } },
    ]);

    expect(tf).toMatchObject({
      all: { responses: 4, correct: 2 },
      en: { shareCorrect: 1 },
      es: { shareCorrect: 0 },
      unanswered: { all: 1, en: 0, es: 1 },
    });
    expect(tf!.options).toEqual([
      { id: "true", text: null, correct: false, chosen: { all: 1, en: 0, es: 1 } },
      { id: "false", text: null, correct: true, chosen: { all: 2, en: 2, es: 0 } },
    ]);
    // A 100-point gap, but far too few responses to flag.
    expect(tf!.gap).toEqual({ points: 100, flagged: false });

    expect(multi).toMatchObject({
      all: { responses: 4, correct: 1, shareCorrect: 0.25, meanScore: 0.5 },
      unanswered: { all: 1 },
    });
    expect(multi!.options!.map((o) => [o.id, o.correct, o.chosen.all])).toEqual([
      ["a", true, 3],
      ["b", true, 2],
      ["c", false, 1],
      ["d", false, 0],
    ]);

    expect(caseTf).toMatchObject({ topic: "b", all: { responses: 4, correct: 2 }, unanswered: { all: 1 } });
    expect(num).toMatchObject({
      type: "numeric",
      options: null,
      all: { responses: 4, correct: 2 },
      unanswered: { all: 1, en: 1, es: 0 },
    });
  });

  it("gives texts in the page language and counts only the organizations asked for", async () => {
    const { orgId, otherOrgId } = await scenario();
    const es = await quizItemStatistics(quiz, [orgId], "es");
    expect(es.units[0]!.items[0]!.prompt).toBe("¿Qué etapa?");
    expect(es.units[0]!.items[0]!.options!.map((o) => o.text)).toEqual([
      "Colocación",
      "Integración",
      "Estratificación",
    ]);
    expect(es.units[3]!.casePrompt).toBe("Lea el caso.");
    expect((await quizItemStatistics(quiz, [otherOrgId], "en")).attempts).toEqual({ all: 1, en: 0, es: 1 });
    expect((await quizItemStatistics(quiz, [orgId, otherOrgId], "en")).attempts.all).toBe(5);
    const none = await quizItemStatistics(quiz, [], "en");
    expect(none.attempts.all).toBe(0);
    expect(none.units[0]!.items[0]!.all).toEqual({
      responses: 0,
      correct: 0,
      shareCorrect: null,
      meanScore: null,
      discrimination: null,
    });
    expect(await submittedAttemptCounts([orgId])).toEqual(new Map([["stats-quiz", { all: 4, en: 2, es: 2 }]]));
  });

  it("reads with a fixed handful of queries, however many items and attempts", async () => {
    const { orgId } = await scenario();
    const attempts = vi.spyOn(db.quizAttempt, "findMany");
    const responses = vi.spyOn(db.quizResponse, "findMany");
    await quizItemStatistics(quiz, [orgId], "en");
    expect(attempts).toHaveBeenCalledTimes(1);
    expect(responses).toHaveBeenCalledTimes(1);
    attempts.mockRestore();
    responses.mockRestore();
  });
});

describe("the language flag on real rows", () => {
  const tfQuiz: Quiz = {
    id: "flag-quiz",
    moduleId: "m-flag",
    title: L("Flag", "Marca"),
    settings: { passMark: 50, maxAttempts: 0, cooldownMinutes: 0, shuffleOptions: true, reviewPolicy: "always" },
    items: [
      { id: "fl-tf", type: "true-false", topic: "a", prompt: L("True?", "¿Verdadero?"), explanation: x, answer: true },
    ],
  };

  it("flags at 30 responses per language and a 15-point gap, and not at 29", async () => {
    const org = await createOrg();
    const take = async (lang: "en" | "es", value: boolean) => {
      const { user } = await createMember("learner", org.id);
      return takeAttempt(user.id, tfQuiz, lang, (items) => fieldsFor(items, { "fl-tf": value }));
    };
    // English 27 of 30 (90%), Spanish 22 of 30 (73.3%).
    const enIds: string[] = [];
    for (let i = 0; i < 30; i++) enIds.push(await take("en", i < 27));
    for (let i = 0; i < 30; i++) await take("es", i < 22);
    const item = async () => (await quizItemStatistics(tfQuiz, [org.id], "en")).units[0]!.items[0]!;
    // 90% vs 73.3%: 16.7 points.
    expect((await item()).gap).toMatchObject({ flagged: true });
    expect((await item()).gap.points).toBeCloseTo(16.667, 2);
    await db.quizAttempt.delete({ where: { id: enIds[29]! }, select: { id: true } });
    // 27 of 29 in English (93.1%) is a wider gap, but 29 responses are too few.
    const after = await item();
    expect(after.en.responses).toBe(29);
    expect(after.gap).toMatchObject({ flagged: false });
  });
});
