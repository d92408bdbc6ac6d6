// Review dates: how old is too old, and what content:check reports about it. Age never
// makes content invalid (start-up must not refuse it), so these are notices, not problems.
import { afterAll, describe, expect, it } from "vitest";
import { VALID_DIR, buildTree, lineContaining, removeTree } from "../../../tests/fixtures/content/tree.ts";
import { loadContent } from "./load.server.ts";
import { addMonths, reviewStatus } from "./review-age.ts";

const STAGES = "modules/m1-basics/laundering-stages.en.md";
const CASH = "modules/m1-basics/cash-reports.en.md";
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTree));

describe("review age", () => {
  it("adds months, clamping to the end of shorter months", () => {
    expect(addMonths("2026-05-31", 9)).toBe("2027-02-28");
    expect(addMonths("2027-05-31", 9)).toBe("2028-02-29");
    expect(addMonths("2026-11-20", 12)).toBe("2027-11-20");
  });

  it("is due the day after 9 months and overdue the day after 12", () => {
    expect(reviewStatus("2026-03-05", day("2026-12-05"))).toBe("current");
    expect(reviewStatus("2026-03-05", day("2026-12-06"))).toBe("due");
    expect(reviewStatus("2025-12-05", day("2026-12-05"))).toBe("due");
    expect(reviewStatus("2025-12-05", day("2026-12-06"))).toBe("overdue");
    expect(reviewStatus(null, day("2026-12-06"))).toBe("missing");
    expect(reviewStatus("2026-12-07", day("2026-12-06"))).toBe("future");
  });
});

describe("review notices from loading content", () => {
  it("reports nothing for recent reviews", () => {
    expect(loadContent(VALID_DIR, day("2026-12-05")).notices).toEqual([]);
  });

  it("warns past 9 months without making the content invalid", () => {
    const { model, notices } = loadContent(VALID_DIR, day("2027-09-01"));
    expect(model).not.toBeNull();
    const line = lineContaining(VALID_DIR, STAGES, "reviewed: 2026-11-20");
    expect(notices).toContainEqual({
      file: STAGES,
      line,
      strict: false,
      message: "reviewed 2026-11-20, more than 9 months ago: due for review",
    });
    expect(notices).toHaveLength(2);
  });

  it("marks reviews past 12 months as failing under --strict, and still loads the model", () => {
    const { model, notices } = loadContent(VALID_DIR, day("2027-11-21"));
    expect(model).not.toBeNull();
    expect(notices.map((n) => [n.file, n.strict, n.message])).toEqual([
      [CASH, true, "reviewed 2026-11-20, more than 12 months ago: the law in this lesson must be checked again"],
      [STAGES, true, "reviewed 2026-11-20, more than 12 months ago: the law in this lesson must be checked again"],
    ]);
  });

  it("warns about a lesson with no reviewed date, at its front matter", () => {
    const dir = buildTree([
      { file: STAGES, find: "reviewed: 2026-11-20\n", replace: "" },
      { file: STAGES.replace(".en.", ".es."), find: "reviewed: 2026-11-20\n", replace: "" },
    ]);
    dirs.push(dir);
    const { model, notices } = loadContent(dir, day("2026-12-05"));
    expect(model?.lessons.find((l) => l.id === "laundering-stages")?.reviewed).toBeNull();
    expect(notices).toEqual([
      { file: STAGES, line: 2, strict: true, message: "no reviewed date: check the law in this lesson and log it" },
    ]);
  });

  it("flags a review date in the future", () => {
    const { notices } = loadContent(VALID_DIR, day("2026-11-19"));
    expect(notices.map((n) => n.message)).toEqual([
      "reviewed: 2026-11-20 is in the future",
      "reviewed: 2026-11-20 is in the future",
    ]);
  });
});

describe("the model", () => {
  it("carries the review date and the what-changed notes in both languages", () => {
    const { model } = loadContent(VALID_DIR);
    const cash = model?.lessons.find((l) => l.id === "cash-reports");
    expect(cash?.reviewed).toBe("2026-11-20");
    expect(cash?.changes).toEqual([
      {
        date: "2026-11-20",
        note: {
          en: "The CTR deadline is 15 calendar days, not 15 business days.",
          es: "El plazo del CTR es de 15 días naturales, no de 15 días hábiles.",
        },
      },
    ]);
    expect(model?.lessons.find((l) => l.id === "laundering-stages")?.changes).toEqual([]);
  });
});
