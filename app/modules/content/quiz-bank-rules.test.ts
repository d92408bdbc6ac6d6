// Bank depth (every drawn topic ≥ 3× its draw) and the guard against the same prompt twice
// in one bank: the rules on plain items, then how loadContent reports them at each level.
import { afterAll, describe, expect, it } from "vitest";
import { VALID_DIR, buildTree, lineContaining, removeTree } from "../../../tests/fixtures/content/tree.ts";
import { loadContent } from "./load.server.ts";
import { BANK_DEPTH_FACTOR, duplicatePrompts, normalizePrompt, shallowTopics } from "./quiz-bank-rules.ts";
import type { QuizItem } from "./quiz-schema.ts";

const text = (en: string, es = `${en} (es)`) => ({ en, es });

function trueFalse(id: string, topic: string, en = `Statement ${id}`, es?: string): QuizItem {
  return { id, type: "true-false", topic, prompt: text(en, es), explanation: text("Because."), answer: true };
}

function caseItem(id: string, topic: string, scenario: string, subPrompts: string[]): QuizItem {
  return {
    id,
    type: "case",
    topic,
    prompt: text("Read the case and answer the questions."),
    scenario: text(scenario),
    explanation: text("Why."),
    items: subPrompts.map((prompt, i) => ({
      id: `${id}-${i}`,
      type: "true-false" as const,
      prompt: text(prompt),
      explanation: text("Because."),
      answer: false,
    })),
  };
}

const bank = (topic: string, n: number) => Array.from({ length: n }, (_, i) => trueFalse(`${topic}-${i}`, topic));

describe("bank depth", () => {
  it("uses a factor of 3", () => {
    expect(BANK_DEPTH_FACTOR).toBe(3);
  });

  it("flags a topic one unit short of 3× its draw, naming units, draw and the minimum", () => {
    expect(shallowTopics(bank("stages", 8), [{ topic: "stages", count: 3 }])).toEqual([
      { drawIndex: 0, topic: "stages", units: 8, count: 3, needed: 9 },
    ]);
  });

  it("passes a topic at exactly 3× its draw, and above it", () => {
    expect(shallowTopics(bank("stages", 9), [{ topic: "stages", count: 3 }])).toEqual([]);
    expect(shallowTopics(bank("stages", 10), [{ topic: "stages", count: 3 }])).toEqual([]);
  });

  it("counts a case as one unit, however many sub-items it has", () => {
    const items = [...bank("sar", 5), caseItem("sar-case", "sar", "A teller's question.", ["A?", "B?", "C?"])];
    expect(shallowTopics(items, [{ topic: "sar", count: 2 }])).toEqual([]);
    expect(shallowTopics(items, [{ topic: "sar", count: 3 }])).toEqual([
      { drawIndex: 0, topic: "sar", units: 6, count: 3, needed: 9 },
    ]);
  });

  it("checks each drawn topic on its own and reports the draw's position", () => {
    const items = [...bank("a", 6), ...bank("b", 5)];
    const draw = [
      { topic: "a", count: 2 },
      { topic: "b", count: 2 },
    ];
    expect(shallowTopics(items, draw).map((s) => [s.drawIndex, s.topic])).toEqual([[1, "b"]]);
  });

  it("leaves topics that cannot even fill their draw to the draw check, and ignores undrawn banks", () => {
    expect(shallowTopics(bank("a", 2), [{ topic: "a", count: 3 }])).toEqual([]);
    expect(shallowTopics(bank("a", 2), [{ topic: "missing", count: 1 }])).toEqual([]);
    expect(shallowTopics(bank("a", 1), undefined)).toEqual([]);
  });
});

describe("duplicate prompts", () => {
  it("normalizes case, accents, punctuation and spacing", () => {
    expect(normalizePrompt("  ¿Qué  etapa es la INTEGRACIÓN?  ")).toBe("que etapa es la integracion");
    expect(normalizePrompt("Which stage — placement, or layering?")).toBe(
      normalizePrompt("which stage placement or layering"),
    );
    expect(normalizePrompt("USD 10,000")).not.toBe(normalizePrompt("USD 1,000"));
  });

  it("finds an English duplicate and points at the later item", () => {
    const items = [
      trueFalse("q1", "a", "Is a CTR due?", "¿Se debe un CTR?"),
      trueFalse("q2", "b", "is a CTR due", "Otro"),
    ];
    expect(duplicatePrompts(items, [0, 4])).toEqual([
      { lang: "en", id: "q2", path: [4, "prompt", "en"], firstId: "q1", firstPath: [0, "prompt", "en"] },
    ]);
  });

  it("finds a duplicate in Spanish alone", () => {
    const items = [trueFalse("q1", "a", "One", "¿Qué etapa?"), trueFalse("q2", "a", "Two", "¿que ETAPA?")];
    expect(duplicatePrompts(items).map((d) => [d.lang, d.id, d.firstId])).toEqual([["es", "q2", "q1"]]);
  });

  it("passes a bank whose prompts all differ", () => {
    expect(duplicatePrompts(bank("a", 12))).toEqual([]);
  });

  it("compares cases by scenario, not by their generic introduction", () => {
    const one = caseItem("c1", "a", "A courier in Laredo.", ["What should the bank do?"]);
    const two = caseItem("c2", "a", "A notary in Tijuana.", ["What should the bank do?"]);
    expect(duplicatePrompts([one, two])).toEqual([]);
    const copy = caseItem("c3", "b", "A courier in LAREDO", ["Something else?"]);
    expect(duplicatePrompts([one, copy]).map((d) => [d.lang, d.id, d.path])).toEqual([
      ["en", "c3", [1, "scenario", "en"]],
      ["es", "c3", [1, "scenario", "es"]],
    ]);
  });

  it("finds sub-items of one case that repeat each other", () => {
    const repeated = caseItem("c1", "a", "A courier.", ["Is a CTR due?", "Is a CTR due?"]);
    expect(duplicatePrompts([repeated]).map((d) => [d.lang, d.id, d.firstId, d.path])).toEqual([
      ["en", "c1-1", "c1-0", [0, "items", 1, "prompt", "en"]],
      ["es", "c1-1", "c1-0", [0, "items", 1, "prompt", "es"]],
    ]);
  });
});

describe("bank depth in loadContent", () => {
  const QUIZ = "modules/m1-basics/quiz.yaml";
  // A day on which the fixture's review dates are current, so only bank findings appear.
  const REVIEWED = new Date("2026-12-05T12:00:00Z");
  // The valid fixture has 4 stages units: a draw of 2 needs 6.
  const shallow = buildTree([
    { file: QUIZ, find: "{ topic: stages, count: 1 }", replace: "{ topic: stages, count: 2 }" },
  ]);
  afterAll(() => removeTree(shallow));
  const line = lineContaining(shallow, QUIZ, "topic: stages, count: 2");
  const message =
    'module m1-basics, topic "stages": bank has 4 units for a draw of 2; needs at least 6 (3× the draw, a case counts as one)';

  it("reports nothing for the valid fixture, whose topics hold 4 units for a draw of 1", () => {
    const { model, problems, notices } = loadContent(VALID_DIR, REVIEWED);
    expect(model).not.toBeNull();
    expect(problems).toEqual([]);
    expect(notices).toEqual([]);
  });

  it("a shallow bank is a content problem at the draw line, and no model", () => {
    const { model, problems, notices } = loadContent(shallow, REVIEWED);
    expect(model).toBeNull();
    expect(problems).toEqual([{ file: QUIZ, line, message }]);
    expect(notices).toEqual([]);
  });
});
