import { describe, expect, it } from "vitest";
import { parseAnswers } from "./answers.ts";
import { gradeItem, isCorrect, percentOf } from "./grading.ts";
import { sampleQuiz, seeded } from "../../../tests/helpers/sample-quiz.ts";
import { publicUnits } from "./public-view.ts";
import { buildSnapshot, snapshotItems } from "./snapshot.ts";
import type { SnapshotItem } from "./types.ts";

const snapshot = buildSnapshot(sampleQuiz, "v1", seeded(42));
const items = snapshotItems(snapshot);
const byId = (id: string) => items.find((i) => i.itemId === id)!;
const grade = (item: SnapshotItem, fields: [string, string][]) => {
  const { answers, errors } = parseAnswers(fields, [item]);
  expect(errors).toEqual([]);
  return gradeItem(item, answers.get(item.key) ?? undefined);
};

describe("snapshot", () => {
  it("keeps every item, numbers them q1…, and draws a case as one unit", () => {
    expect(items).toHaveLength(9);
    expect(items.map((i) => i.key)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]);
    const caseUnit = snapshot.units.find((u) => u.caseId === "s-case")!;
    expect(caseUnit.items.map((i) => i.itemId)).toEqual(["s-case-a", "s-case-b"]);
    expect(caseUnit.items[0]!.topic).toBe("d");
  });

  it("draws per topic when the quiz says so", () => {
    const quiz = {
      ...sampleQuiz,
      settings: {
        ...sampleQuiz.settings,
        draw: [
          { topic: "a", count: 1 },
          { topic: "d", count: 1 },
        ],
      },
    };
    const drawn = buildSnapshot(quiz, "v1", seeded(7));
    expect(drawn.units).toHaveLength(2);
    const topics = drawn.units.map((u) => (u.caseId ? "d" : u.items[0]!.topic)).sort();
    expect(topics).toEqual(["a", "d"]);
  });

  it("scrambles ordering steps and matching answers so their order is never the key", () => {
    for (let seed = 1; seed < 50; seed++) {
      const s = snapshotItems(buildSnapshot(sampleQuiz, "v1", seeded(seed)));
      const order = s.find((i) => i.type === "ordering") as Extract<SnapshotItem, { type: "ordering" }>;
      expect(order.steps.map((x) => x.id)).not.toEqual(order.correctOrder);
      const match = s.find((i) => i.type === "matching") as Extract<SnapshotItem, { type: "matching" }>;
      expect(match.rights.map((r) => r.id)).not.toEqual(match.lefts.map((l) => match.pairs[l.id]));
    }
  });

  it("gives options opaque ids that differ between attempts", () => {
    const other = snapshotItems(buildSnapshot(sampleQuiz, "v1", seeded(43)));
    const a = (byId("s-single") as Extract<SnapshotItem, { type: "single" | "multiple" }>).options.map((o) => o.id);
    const b = (
      other.find((i) => i.itemId === "s-single") as Extract<SnapshotItem, { type: "single" | "multiple" }>
    ).options.map((o) => o.id);
    expect(a.some((id) => ["a", "b", "c"].includes(id))).toBe(false);
    expect(a).not.toEqual(b);
  });
});

describe("public view", () => {
  it("carries no answer key, explanation, source id or item id", () => {
    const json = JSON.stringify(publicUnits(snapshot, "es"));
    for (const tell of [
      "correct",
      "answer",
      "explanation",
      "sourceId",
      "pairs",
      "correctOrder",
      "accepted",
      "tolerance",
      "s-single",
      "Integración, porque",
      "Financial Intelligence Unit",
    ]) {
      expect(json).not.toContain(tell);
    }
    expect(json).toContain("¿Qué etapa?");
  });
});

describe("grading", () => {
  it("single choice: 1 for the keyed option, 0 otherwise", () => {
    const item = byId("s-single") as Extract<SnapshotItem, { type: "single" | "multiple" }>;
    const right = item.options.find((o) => o.correct)!.id;
    const wrong = item.options.find((o) => !o.correct)!.id;
    expect(grade(item, [[item.key, right]])).toBe(1);
    expect(grade(item, [[item.key, wrong]])).toBe(0);
  });

  it("multiple response: right minus wrong over the number right, floored at 0", () => {
    const item = byId("s-multi") as Extract<SnapshotItem, { type: "single" | "multiple" }>;
    const [r1, r2] = item.options.filter((o) => o.correct).map((o) => o.id);
    const [w1, w2] = item.options.filter((o) => !o.correct).map((o) => o.id);
    expect(
      grade(item, [
        [item.key, r1!],
        [item.key, r2!],
      ]),
    ).toBe(1);
    expect(grade(item, [[item.key, r1!]])).toBe(0.5);
    expect(
      grade(item, [
        [item.key, r1!],
        [item.key, r2!],
        [item.key, w1!],
      ]),
    ).toBe(0.5);
    expect(
      grade(item, [
        [item.key, w1!],
        [item.key, w2!],
      ]),
    ).toBe(0);
    expect(
      grade(item, [
        [item.key, r1!],
        [item.key, w1!],
        [item.key, w2!],
      ]),
    ).toBe(0);
  });

  it("true/false", () => {
    const item = byId("s-tf");
    expect(grade(item, [[item.key, "false"]])).toBe(1);
    expect(grade(item, [[item.key, "true"]])).toBe(0);
  });

  it("matching: share of pairs matched", () => {
    const item = byId("s-match") as Extract<SnapshotItem, { type: "matching" }>;
    const lefts = item.lefts.map((l) => l.id);
    const all: [string, string][] = lefts.map((l) => [`${item.key}.${l}`, item.pairs[l]!]);
    expect(grade(item, all)).toBe(1);
    const swapped: [string, string][] = [
      [`${item.key}.${lefts[0]}`, item.pairs[lefts[1]!]!],
      [`${item.key}.${lefts[1]}`, item.pairs[lefts[0]!]!],
      [`${item.key}.${lefts[2]}`, item.pairs[lefts[2]!]!],
    ];
    expect(grade(item, swapped)).toBeCloseTo(1 / 3);
  });

  it("ordering: share of neighbouring steps kept in order", () => {
    const item = byId("s-order") as Extract<SnapshotItem, { type: "ordering" }>;
    const asPositions = (order: string[]): [string, string][] =>
      order.map((id, i) => [`${item.key}.${id}`, String(i + 1)]);
    const [a, b, c, d] = item.correctOrder as [string, string, string, string];
    expect(grade(item, asPositions([a, b, c, d]))).toBe(1);
    expect(grade(item, asPositions([b, c, d, a]))).toBeCloseTo(2 / 3);
    expect(grade(item, asPositions([d, c, b, a]))).toBe(0);
  });

  it("numeric: accepts thousands separators, within tolerance", () => {
    const item = byId("s-num");
    expect(grade(item, [[item.key, "10,000"]])).toBe(1);
    expect(grade(item, [[item.key, "10000.00"]])).toBe(1);
    expect(grade(item, [[item.key, "9,999"]])).toBe(0);
  });

  it("short text: case-, accent- and language-insensitive", () => {
    const item = byId("s-short");
    expect(grade(item, [[item.key, "  unidad de INTELIGENCIA financiera "]])).toBe(1);
    expect(grade(item, [[item.key, "Financial intelligence unit."]])).toBe(1);
    expect(grade(item, [[item.key, "uíf"]])).toBe(1);
    expect(grade(item, [[item.key, "CNBV"]])).toBe(0);
  });

  it("case items are graded one by one", () => {
    expect(grade(byId("s-case-a"), [[byId("s-case-a").key, "true"]])).toBe(1);
    expect(grade(byId("s-case-b"), [[byId("s-case-b").key, "60"]])).toBe(1);
  });

  it("percent and full-credit helpers", () => {
    expect(percentOf([1, 0.5, 0, 1])).toBe(62.5);
    expect(isCorrect(1)).toBe(true);
    expect(isCorrect(0.5)).toBe(false);
  });
});

describe("answer parsing refuses what is not in the attempt", () => {
  it("flags unknown items, unknown options, bad numbers and duplicate positions", () => {
    const single = byId("s-single");
    const num = byId("s-num");
    const order = byId("s-order") as Extract<SnapshotItem, { type: "ordering" }>;
    const { errors } = parseAnswers(
      [
        ["q99", "x"],
        [single.key, "nope"],
        [num.key, "ten thousand"],
        [`${order.key}.${order.steps[0]!.id}`, "1"],
        [`${order.key}.${order.steps[1]!.id}`, "1"],
      ],
      items,
    );
    expect(errors.map((e) => e.code).sort()).toEqual(["badNumber", "badOrder", "unknownItem", "unknownOption"]);
  });

  it("treats a half-ordered list as no change and an emptied field as cleared", () => {
    const order = byId("s-order") as Extract<SnapshotItem, { type: "ordering" }>;
    const single = byId("s-single");
    const { answers, errors } = parseAnswers(
      [
        [`${order.key}.${order.steps[0]!.id}`, "2"],
        [single.key, ""],
      ],
      items,
    );
    expect(errors).toEqual([]);
    expect(answers.has(order.key)).toBe(false);
    expect(answers.get(single.key)).toBeNull();
  });
});
