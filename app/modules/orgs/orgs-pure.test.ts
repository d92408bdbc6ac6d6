import { describe, expect, it } from "vitest";
import { guardFormula, toCsv } from "./csv.server.ts";
import { cohortSchema, dueDates, normalizeCode, parseProgressQuery, progressSearch, redeemSchema } from "./schemas.ts";

describe("CSV cells", () => {
  it("prefixes an apostrophe to text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(guardFormula(text)).toBe(`'${text}`);
    expect(guardFormula("Ana =1")).toBe("Ana =1");
  });
  it("writes a BOM, CRLF line ends, quoted cells and numbers as they are", () => {
    expect(
      toCsv([
        ["a,b", 'say "hi"', 3, null],
        ["=x", "ñ"],
      ]),
    ).toBe('\uFEFF"a,b","say ""hi""",3,\r\n\'=x,ñ\r\n');
  });
});

describe("progress query", () => {
  it("falls back to defaults for unknown values and round-trips through the URL", () => {
    const q = parseProgressQuery(new URLSearchParams("sort=evil&dir=up&status=x&page=0&q=%20Ana%20Pérez%20"));
    expect(q).toMatchObject({
      sort: "name",
      dir: "asc",
      status: "all",
      page: 1,
      q: "Ana Pérez",
      terms: ["ana", "perez"],
    });
    const r = parseProgressQuery(new URLSearchParams("sort=org&dir=desc&status=overdue&page=3"));
    expect(progressSearch(r)).toBe("?status=overdue&sort=org&dir=desc&page=3");
    expect(progressSearch(r, { page: 1 })).toBe("?status=overdue&sort=org&dir=desc");
  });
});

describe("forms", () => {
  it("reads a typed code in any case, with or without its dash; refuses anything else", () => {
    expect(normalizeCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(redeemSchema.safeParse({ code: "abcd-efgh" }).success).toBe(true);
    expect(redeemSchema.safeParse({ code: "ABCD-EFG1" }).success).toBe(false);
    expect(redeemSchema.safeParse({ code: "' OR 1=1 --" }).success).toBe(false);
  });
  it("a cohort needs a course, valid dates and an end not before its start; due dates per chosen course", () => {
    const base = { name: "G", startsOn: "2026-01-01", endsOn: "2026-02-01", courseIds: ["a", "b"] };
    const ok = cohortSchema.safeParse({ ...base, due: { a: "2026-01-20", c: "2026-01-21" } });
    expect(ok.success && dueDates(ok.data)).toEqual([
      { courseId: "a", dueOn: new Date("2026-01-20T00:00:00Z") },
      { courseId: "b", dueOn: null },
    ]);
    expect(cohortSchema.safeParse({ ...base, endsOn: "2025-12-31" }).success).toBe(false);
    expect(cohortSchema.safeParse({ ...base, startsOn: "2026-02-30" }).success).toBe(false);
    expect(cohortSchema.safeParse({ ...base, courseIds: [] }).success).toBe(false);
    expect(cohortSchema.safeParse({ ...base, due: { a: "soon" } }).success).toBe(false);
  });
});
