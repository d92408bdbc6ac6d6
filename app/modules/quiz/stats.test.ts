import { describe, expect, it } from "vitest";
import {
  addResponse,
  discriminationOf,
  emptyTally,
  figuresOf,
  languageGap,
  pointBiserial,
  restPercent,
} from "./stats.ts";

describe("point-biserial discrimination", () => {
  it("matches a hand-computed example", () => {
    // x = 1,1,1,0,0 and y = 80,70,90,50,60: M1 = 80, M0 = 55, mean 70, population variance
    // (100 + 0 + 400 + 400 + 100) / 5 = 200, p = 0.6. r = 25 / √200 · √0.24 = √0.75.
    const r = pointBiserial([true, true, true, false, false], [80, 70, 90, 50, 60]);
    expect(r).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it("equals Pearson's r between the 0/1 marks and the rest scores", () => {
    const x = [1, 0, 1, 1, 0, 0, 1, 0];
    const y = [62.5, 40, 90, 55, 70, 20, 81, 33];
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    const cov = mean(x.map((xi, i) => (xi - mx) * (y[i]! - my)));
    const sd = (v: number[], m: number) => Math.sqrt(mean(v.map((vi) => (vi - m) ** 2)));
    const pearson = cov / (sd(x, mx) * sd(y, my));
    expect(
      pointBiserial(
        x.map((v) => v === 1),
        y,
      ),
    ).toBeCloseTo(pearson, 12);
  });

  it("is negative when those who get the item right do worse on the rest", () => {
    expect(pointBiserial([true, true, false, false], [10, 20, 80, 90])).toBeLessThan(-0.9);
  });

  it("is undefined when everyone is right, everyone is wrong, or the rest does not vary", () => {
    expect(pointBiserial([true, true, true], [10, 50, 90])).toBeNull();
    expect(pointBiserial([false, false], [10, 50])).toBeNull();
    expect(pointBiserial([true, false, true], [50, 50, 50])).toBeNull();
    expect(pointBiserial([], [])).toBeNull();
  });
});

describe("figures from running sums", () => {
  it("leaves the item out of the total it is correlated with", () => {
    // 5 items, 3.5 points, 0.5 on this item: the rest is 3 of 4 = 75%.
    expect(restPercent(3.5, 5, 0.5)).toBe(75);
    expect(restPercent(1, 1, 1)).toBeNull();
  });

  it("counts partial credit in the mean score but not as fully correct", () => {
    const t = emptyTally();
    addResponse(t, 1, restPercent(5, 5, 1));
    addResponse(t, 0.5, restPercent(1.5, 5, 0.5));
    addResponse(t, 0.5, restPercent(3.5, 5, 0.5));
    addResponse(t, 0, restPercent(0, 5, 0));
    expect(figuresOf(t)).toMatchObject({ responses: 4, correct: 1, shareCorrect: 0.25, meanScore: 0.5 });
    // y = 100, 25, 75, 0 with x = 1, 0, 0, 0.
    expect(discriminationOf(t)).toBeCloseTo(pointBiserial([true, false, false, false], [100, 25, 75, 0])!, 12);
  });

  it("has no figures without responses", () => {
    expect(figuresOf(emptyTally())).toEqual({
      responses: 0,
      correct: 0,
      shareCorrect: null,
      meanScore: null,
      discrimination: null,
    });
  });
});

describe("language flag", () => {
  const f = (responses: number, correct: number) => ({ responses, correct });

  it("flags a gap of exactly 15 points with exactly 30 responses in each language", () => {
    // 30 of 30 (100%) against 51 of 60 (85%): exactly 15 points, which floating point alone
    // could put a hair under.
    expect(languageGap(f(30, 30), f(60, 51))).toEqual({ points: expect.closeTo(15, 9), flagged: true });
    expect(languageGap(f(40, 30), f(40, 24))).toMatchObject({ flagged: true }); // 75% vs 60%
  });

  it("does not flag a gap just under 15 points", () => {
    // 100% vs 26 of 30 (86.7%): 13.3 points.
    expect(languageGap(f(30, 30), f(30, 26))).toMatchObject({ flagged: false });
    // 60 of 100 vs 451 of 1000: 14.9 points.
    expect(languageGap(f(100, 60), f(1000, 451))).toMatchObject({ flagged: false });
  });

  it("does not flag with fewer than 30 responses in either language, however large the gap", () => {
    expect(languageGap(f(29, 29), f(30, 0))).toMatchObject({ points: 100, flagged: false });
    expect(languageGap(f(30, 30), f(29, 0))).toMatchObject({ points: 100, flagged: false });
    expect(languageGap(f(30, 30), f(30, 0))).toMatchObject({ points: 100, flagged: true });
  });

  it("works in either direction and has no gap when a language has no responses", () => {
    expect(languageGap(f(30, 0), f(30, 30)).flagged).toBe(true);
    expect(languageGap(f(0, 0), f(50, 10))).toEqual({ points: null, flagged: false });
  });
});
