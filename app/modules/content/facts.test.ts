// content:facts extraction: what counts as a figure, date or citation, and which footnote
// each rests on (its sentence's, else its paragraph's, else none).
import { describe, expect, it } from "vitest";
import { extractFacts, footnoteDefinitions } from "./facts.ts";

const texts = (body: string) => extractFacts(body).map((fact) => [fact.kind, fact.text]);

describe("extractFacts: what is listed", () => {
  it("finds US citations as one span each", () => {
    expect(
      texts(
        "## S {#s}\n\nIt is a crime (31 U.S.C. §5316) under 18 U.S.C. §§1956–1957, 31 CFR 1010.311 and 31 C.F.R. § 1020.320, see also §5332 and FIN-2025-Alert001.",
      ),
    ).toEqual([
      ["citation", "31 U.S.C. §5316"],
      ["citation", "18 U.S.C. §§1956–1957"],
      ["citation", "31 CFR 1010.311"],
      ["citation", "31 C.F.R. § 1020.320"],
      ["citation", "§5332"],
      ["citation", "FIN-2025-Alert001"],
    ]);
  });

  it("finds Mexican article citations with their fractions, in both languages", () => {
    expect(
      texts(
        "## S {#s}\n\nCPF art. 400 Bis and LFPIORPI art. 17 fr. XVI; Ley Aduanera arts. 184 y 185; el artículo 9 y la fracción VIII; article 17, fraction X.",
      ),
    ).toEqual([
      ["citation", "art. 400 Bis"],
      ["citation", "art. 17 fr. XVI"],
      ["citation", "arts. 184 y 185"],
      ["citation", "artículo 9"],
      ["citation", "fracción VIII"],
      ["citation", "article 17, fraction X"],
    ]);
  });

  it("finds dates in English and Spanish forms, and bare years", () => {
    expect(
      texts(
        "## S {#s}\n\nIt took effect on 1 March 2026, was vacated on March 19, 2026 and appealed in May 2026. Entró en vigor el 1 de marzo de 2026 (DOF 16-07-2025), en julio de 2025. Since 2024.",
      ),
    ).toEqual([
      ["date", "1 March 2026"],
      ["date", "March 19, 2026"],
      ["date", "May 2026"],
      ["date", "1 de marzo de 2026"],
      ["date", "16-07-2025"],
      ["date", "julio de 2025"],
      ["year", "2024"],
    ]);
  });

  it("finds amounts, percentages, periods and large numbers, but not a year before a unit", () => {
    expect(
      texts(
        "## S {#s}\n\nOver USD 10,000 or MXN 117.31, 3,210 UMA at the 2026 UMA, 15 calendar days, a 24-hour aviso, 30 días hábiles, by day 17, 25 % or 40 percent of 1,250,000 cases. Not 3 people.",
      ),
    ).toEqual([
      ["amount", "USD 10,000"],
      ["amount", "MXN 117.31"],
      ["amount", "3,210 UMA"],
      ["year", "2026"],
      ["period", "15 calendar days"],
      ["period", "24-hour"],
      ["period", "30 días hábiles"],
      ["period", "day 17"],
      ["percent", "25 %"],
      ["percent", "40 percent"],
      ["number", "1,250,000"],
    ]);
  });

  it("ignores headings, the Sources section, footnote definitions, link targets, glossary ids and footnote keys", () => {
    const body = [
      "## The 2026 rule {#rule-2026}",
      "",
      "See [the rule](https://example.gov/2026/10000) and [[ctr-2024|the report]].[^fn-2025]",
      "",
      "## Sources {#sources}",
      "",
      "- 31 CFR 1010.311, 1 March 2026.",
      "",
      "[^fn-2025]: 31 CFR 1010.311.",
    ].join("\n");
    expect(extractFacts(body)).toEqual([]);
  });
});

describe("extractFacts: the footnote each claim rests on", () => {
  const body = [
    "## Cash {#cash}", // 1
    "", // 2
    "A CTR is due over USD 10,000.[^ctr] Structuring under 31 U.S.C. 5324 is a crime.", // 3
    "It carries up to 5 years.", // 4
    "", // 5
    "The form dates from 2012.", // 6
    "", // 7
    "| Report | Threshold |", // 8
    "| --- | --- |", // 9
    "| ROR | USD 7,500 or more[^ror] |", // 10
    "| CTR | more than USD 10,000 |", // 11
    "", // 12
    "- Bulk cash over USD 10,000 must be declared (art. 9 of the Ley Aduanera).[^ladua]", // 13
    "", // 14
    ":::example", // 15
    "A courier deposits USD 9,500 on 1 March 2026.", // 16
    ":::", // 17
    "", // 18
    "[^ctr]: 31 CFR 1010.311.", // 19
  ].join("\n");
  const facts = extractFacts(body);
  const of = (text: string) => facts.find((fact) => fact.text === text);

  it("takes the footnote of the same sentence", () => {
    expect(of("USD 10,000")).toMatchObject({ line: 3, footnotes: ["ctr"], footnoteScope: "sentence" });
    expect(of("art. 9")).toMatchObject({ line: 13, footnotes: ["ladua"], footnoteScope: "sentence" });
  });

  it("falls back to the footnotes of the paragraph, saying so, with the right line", () => {
    expect(of("31 U.S.C. 5324")).toMatchObject({ line: 3, footnotes: ["ctr"], footnoteScope: "paragraph" });
    expect(of("5 years")).toMatchObject({ line: 4, footnotes: ["ctr"], footnoteScope: "paragraph" });
  });

  it("lists a claim without a footnote as such, table rows one by one", () => {
    expect(of("2012")).toMatchObject({ line: 6, footnotes: [], footnoteScope: null });
    expect(of("USD 7,500")).toMatchObject({ line: 10, footnotes: ["ror"] });
    expect(facts.filter((fact) => fact.line === 11)).toMatchObject([{ text: "USD 10,000", footnotes: [] }]);
  });

  it("marks figures inside an example callout", () => {
    expect(of("USD 9,500")).toMatchObject({ line: 16, inExample: true, footnotes: [] });
    expect(of("1 March 2026")?.inExample).toBe(true);
    expect(of("2012")?.inExample).toBe(false);
  });

  it("reads footnote definitions", () => {
    expect(footnoteDefinitions(body)).toEqual(new Map([["ctr", "31 CFR 1010.311."]]));
  });

  it("does not end a sentence at an abbreviation", () => {
    const [fact] = extractFacts("## S {#s}\n\nSee art. 17 fr. XVI. It says so.[^a] Then 2019.");
    expect(fact).toMatchObject({ text: "art. 17 fr. XVI", footnotes: ["a"], footnoteScope: "paragraph" });
  });
});
