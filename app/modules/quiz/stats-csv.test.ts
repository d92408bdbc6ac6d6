import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, csvCell, itemStatsCsv, toCsv } from "./stats-csv.ts";
import type { Figures, ItemStats, QuizStats } from "./stats.ts";

describe("CSV cells (RFC 4180)", () => {
  it("quotes fields with commas, quotes or line breaks and doubles inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvCell("Sí, señor")).toBe('"Sí, señor"');
  });

  it("writes numbers with a dot, empty cells for missing values, and disarms formulas", () => {
    expect(csvCell(0.8125)).toBe("0.8125");
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(null)).toBe("");
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@sum, x")).toBe('"\'@sum, x"');
  });

  it("starts with a byte-order mark and ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        [1, null],
      ]),
    ).toBe(`${CSV_BOM}a,b\r\n1,\r\n`);
  });
});

describe("the item statistics export", () => {
  const fig = (
    responses: number,
    correct: number,
    meanScore: number | null,
    discrimination: number | null,
  ): Figures => ({
    responses,
    correct,
    shareCorrect: responses ? correct / responses : null,
    meanScore,
    discrimination,
  });
  const item = (over: Partial<ItemStats>): ItemStats => ({
    itemId: "q1",
    type: "single",
    topic: "stages",
    prompt: "Plain",
    all: fig(3, 2, 2 / 3, 0.123456),
    en: fig(2, 2, 1, null),
    es: fig(1, 0, 0, null),
    gap: { points: 100, flagged: false },
    options: null,
    unanswered: { all: 0, en: 0, es: 0 },
    ...over,
  });
  const stats: QuizStats = {
    quizId: "quiz-1",
    attempts: { all: 3, en: 2, es: 1 },
    units: [
      {
        caseId: null,
        casePrompt: null,
        items: [item({ prompt: 'Deposits of USD 9,500, then "smurfing"\non two days?' })],
      },
      {
        caseId: "c1",
        casePrompt: "Case",
        items: [item({ itemId: "c1-a", type: "true-false", gap: { points: 20, flagged: true } })],
      },
    ],
  };
  const labels = {
    header: Object.fromEntries(CSV_COLUMNS.map((c) => [c, `H:${c}`])) as Record<(typeof CSV_COLUMNS)[number], string>,
    yes: "sí",
    no: "no",
  };

  it("writes a translated header and one row per item, case sub-items included", () => {
    const csv = itemStatsCsv(stats, labels);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const body = csv.slice(1);
    expect(body.split("\r\n")[0]).toBe(CSV_COLUMNS.map((c) => `H:${c}`).join(","));
    expect(body).toContain(
      'quiz-1,q1,single,stages,"Deposits of USD 9,500, then ""smurfing""\non two days?",3,0.6667,0.6667,0.1235,2,1,1,0,no\r\n',
    );
    expect(body).toContain("quiz-1,c1-a,true-false,stages,Plain,3,0.6667,0.6667,0.1235,2,1,1,0,sí\r\n");
  });
});
