// content:check must catch each error class, at the exact file and line.
import { afterAll, describe, expect, it } from "vitest";
import { brokenCases, type Expected } from "../../../tests/fixtures/content/broken-cases.ts";
import { figureAndFileCases } from "../../../tests/fixtures/content/broken-cases-figures.ts";
import { quizAndLessonCases } from "../../../tests/fixtures/content/broken-cases-quiz.ts";
import { reviewCases } from "../../../tests/fixtures/content/broken-cases-reviews.ts";
import { buildTree, lineContaining, removeTree } from "../../../tests/fixtures/content/tree.ts";
import { loadContent } from "./load.server.ts";
import { formatProblem } from "./problems.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTree));

function resolveLine(dir: string, expected: Expected): number {
  if (typeof expected.at === "number") return expected.at;
  const [text, nth] = typeof expected.at === "string" ? [expected.at, 1] : expected.at;
  return lineContaining(dir, expected.file, text, nth);
}

describe.each([...brokenCases, ...quizAndLessonCases, ...figureAndFileCases, ...reviewCases])(
  "content check: $name",
  ({ edits, expect: expected, exact = true }) => {
    it("reports the problem at the exact file and line, and no model", () => {
      const dir = buildTree(edits);
      dirs.push(dir);
      const { model, problems } = loadContent(dir);
      const printed = problems.map((problem) => formatProblem(problem)).join("\n");
      expect(model, printed).toBeNull();
      for (const want of expected) {
        const line = resolveLine(dir, want);
        const found = problems.find((p) => p.file === want.file && p.line === line && p.message.includes(want.message));
        expect(found, `expected ${want.file}:${line}: …${want.message}… in\n${printed}`).toBeDefined();
      }
      if (exact) expect(problems.length, printed).toBe(expected.length);
    });
  },
);

describe("content check: figures", () => {
  it("accepts thousands separators written differently in each language", () => {
    const dir = buildTree([
      { file: "modules/m1-basics/cash-reports.es.md", find: "USD 7,500 o más", replace: "USD 7 500 o más" },
      {
        file: "modules/m1-basics/cash-reports.es.md",
        find: "más de USD 10,000 al día",
        replace: "más de USD 10000 al día",
      },
    ]);
    dirs.push(dir);
    expect(loadContent(dir).problems).toEqual([]);
  });
});
