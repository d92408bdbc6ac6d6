import { describe, expect, it } from "vitest";
import { canonicalFigure, compareFigures, extractFigures } from "./figures.ts";

describe("figures", () => {
  it("ignores thousands separators and keeps decimals as one number", () => {
    expect([...extractFigures("USD 10,000 · 10000 · 10 000 · 10\u00a0000 · 10\u202f000").keys()]).toEqual(["10000"]);
    expect([...extractFigures("UMA = MXN 117.31 per day; 31 CFR 1010.311.").keys()]).toEqual([
      "117.31",
      "31",
      "1010.311",
    ]);
    expect(canonicalFigure("10,000.50")).toBe("10000.5");
    expect(canonicalFigure("007")).toBe("7");
  });

  it("does not glue separate numbers together", () => {
    expect([...extractFigures("Recommendations 10, 20 and 29; in 2025 100 agents; art. 9.").keys()]).toEqual([
      "10",
      "20",
      "29",
      "2025",
      "100",
      "9",
    ]);
  });

  it("reports which figures each side lacks, as written", () => {
    expect(
      compareFigures(
        "Cash over USD 10,000 on 1 March 2026 (art. 400 Bis)",
        "Efectivo de más de USD 10000 el 1 de marzo de 2025 (art. 400 Bis)",
      ),
    ).toEqual({
      missingInEs: ["2026"],
      missingInEn: ["2025"],
    });
    expect(compareFigures("30 days, then 30 more", "30 días, y otros 30")).toBeNull();
  });
});
