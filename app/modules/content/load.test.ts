import { describe, expect, it } from "vitest";
import { VALID_DIR, buildTree, removeTree } from "../../../tests/fixtures/content/tree.ts";
import { loadContent } from "./load.server.ts";
import { contentStats } from "./stats.ts";

const { model, problems } = loadContent(VALID_DIR);

describe("loading the valid fixture", () => {
  it("has no problems and a complete model", () => {
    expect(problems).toEqual([]);
    expect(model?.version).toMatch(/^[0-9a-f]{12}$/);
    expect(model?.courses.map((c) => c.id)).toEqual(["aml-basics"]);
    expect(model?.lessons.map((l) => l.id)).toEqual(["laundering-stages", "cash-reports"]);
    expect(model?.achievements.map((a) => a.id)).toEqual(["aml-basics-certificate"]);
    expect(model?.profiles[0]?.checks).toEqual([{ type: "polygraph", validityMonths: 36 }]);
    expect(model?.checkTypes.map((c) => c.id)).toEqual(["polygraph"]);
  });

  it("resolves `lessons: all` and keeps completion quizzes", () => {
    expect(model?.courses[0]?.completion).toEqual({
      allLessons: true,
      lessons: ["laundering-stages", "cash-reports"],
      quizzes: ["m1-basics-quiz"],
    });
  });

  it("applies quiz setting defaults from the README", () => {
    expect(model?.quizzes[0]?.settings).toEqual({
      passMark: 75,
      maxAttempts: 3,
      cooldownMinutes: 60,
      timeLimitMinutes: 20,
      shuffleOptions: true,
      reviewPolicy: "after-pass-or-last",
      draw: [
        { topic: "stages", count: 1 },
        { topic: "reports", count: 1 },
      ],
    });
    expect(model?.quizzes[0]?.items.map((i) => i.type)).toEqual([
      "single",
      "multiple",
      "true-false",
      "ordering",
      "matching",
      "numeric",
      "short-text",
      "case",
    ]);
  });

  it("gives each lesson language its sections, footnotes, terms and word count", () => {
    const lesson = model?.lessons[0];
    expect(lesson?.minutes).toBe(10);
    expect(lesson?.es.title).toBe("Etapas del lavado de dinero");
    expect(lesson?.en.sections.map((s) => s.id)).toEqual(lesson?.es.sections.map((s) => s.id));
    expect(lesson?.en.objectives).toHaveLength(2);
    expect(lesson?.es.terms).toEqual(["placement", "layering", "integration"]);
    expect(lesson?.en.footnotes[0]?.anchorId).toBe("fn-en-laundering-stages-1");
    expect(lesson?.en.words).toBeGreaterThan(40);
  });

  it("changes version when any file changes", () => {
    const dir = buildTree([{ file: "glossary/terms.yaml", find: "Splitting cash", replace: "Dividing cash" }]);
    try {
      expect(loadContent(dir).model?.version).not.toBe(model?.version);
    } finally {
      removeTree(dir);
    }
  });

  it("counts what content:stats reports", () => {
    const stats = model ? contentStats(model) : undefined;
    expect(stats).toEqual({
      courses: 1,
      modules: 1,
      lessons: 2,
      words: { en: expect.any(Number), es: expect.any(Number) },
      items: {
        total: 10,
        byType: {
          single: 2,
          multiple: 1,
          "true-false": 2,
          matching: 1,
          ordering: 1,
          numeric: 1,
          "short-text": 1,
          case: 1,
        },
      },
      glossaryTerms: 5,
    });
  });

  it("reports a missing directory instead of throwing", () => {
    expect(loadContent("/nonexistent/content").problems[0]?.message).toMatch(/content directory not found/);
  });
});
