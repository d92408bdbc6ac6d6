import { describe, expect, it } from "vitest";
import { VALID_DIR } from "../../../tests/fixtures/content/tree.ts";
import { loadContent } from "./load.server.ts";
import { createSearch } from "./search.server.ts";
import { makeSnippet } from "./snippet.ts";

const { model } = loadContent(VALID_DIR);
if (!model) throw new Error("valid fixture failed to load");
const search = createSearch(model);

describe("content search", () => {
  it("is accent-insensitive: senal finds señal", () => {
    const [hit] = search.search("senal", { lang: "es" });
    expect(hit).toMatchObject({
      kind: "section",
      lang: "es",
      lessonId: "cash-reports",
      sectionId: "thresholds",
      courseId: "aml-basics",
    });
    const { text, highlights } = hit!.snippet;
    expect(highlights.map(([from, to]) => text.slice(from, to))).toEqual(["señal"]);
  });

  it("is case-insensitive and finds glossary terms in both languages", () => {
    expect(search.search("COLOCACION")[0]).toMatchObject({
      kind: "term",
      termId: "placement",
      lang: "es",
      title: "Colocación",
    });
    expect(search.search("lavado", { lang: "es" }).length).toBeGreaterThan(0);
    expect(search.search("Lavado", { lang: "es" })).toEqual(search.search("lavado", { lang: "es" }));
  });

  it("ranks a term's own entry above passages that merely mention it", () => {
    const hits = search.search("structuring", { lang: "en" });
    expect(hits[0]).toMatchObject({ kind: "term", termId: "structuring", otherTerm: "Fraccionamiento" });
    expect(hits.some((h) => h.kind === "section")).toBe(true);
  });

  it("matches prefixes and small typos", () => {
    expect(search.search("estratif", { lang: "es" })[0]).toMatchObject({ termId: "layering" });
    expect(search.search("structurng", { lang: "en" })[0]).toMatchObject({ termId: "structuring" });
  });

  it("filters by language and limits results", () => {
    expect(search.search("deposit", { lang: "en" }).every((h) => h.lang === "en")).toBe(true);
    expect(search.search("deposit", { limit: 1 })).toHaveLength(1);
  });
});

describe("snippets", () => {
  it("cuts around the first match and marks whole words, never HTML", () => {
    const text = `${"Palabra ".repeat(40)}una señal de alerta ${"final ".repeat(40)}`;
    const snippet = makeSnippet(text, ["senal"], 60);
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(["señal"]);
    expect(makeSnippet("<b>x</b>", ["x"]).text).toBe("<b>x</b>"); // plain text: the UI escapes it
  });
});
