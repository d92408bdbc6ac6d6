// The public glossary and site search: either language, accent- and case-insensitive,
// matches marked, bad input answered with a translated 400.
import { describe, expect, it } from "vitest";
import { loader as glossaryLoader } from "~/routes/$lang.glossary/route.tsx";
import { loader as searchLoader } from "~/routes/$lang.search/route.tsx";
import { makeRequest, run } from "../helpers/routes.ts";
import { setUpLearningTests } from "./learning-fixture.ts";

setUpLearningTests();

type Marked = { text: string; marks: [number, number][] };
const marked = (m: Marked) => m.marks.map(([a, b]) => m.text.slice(a, b));

describe("glossary (public)", () => {
  it("lists every term with both languages and jurisdiction", async () => {
    const result = await run(glossaryLoader, makeRequest("/en/glossary"), { lang: "en" });
    const data = result.data as {
      total: number;
      entries: { id: string; jurisdiction: string; versions: { lang: string; term: Marked }[] }[];
    };
    expect(data.total).toBe(5);
    expect(data.entries).toHaveLength(5);
    const ctr = data.entries.find((e) => e.id === "ctr");
    expect(ctr?.jurisdiction).toBe("us");
    expect(ctr?.versions.map((v) => [v.lang, v.term.text])).toEqual([
      ["en", "Currency transaction report (CTR)"],
      ["es", "Reporte de operaciones en efectivo (CTR)"],
    ]);
  });

  it("filters in either language, ignoring accents and case, and marks the match", async () => {
    const result = await run(glossaryLoader, makeRequest("/en/glossary?q=COLOCACION"), { lang: "en" });
    const entries = (result.data as { entries: { id: string; versions: { lang: string; term: Marked }[] }[] }).entries;
    expect(entries.map((e) => e.id)).toEqual(["placement"]);
    expect(marked(entries[0]!.versions[1]!.term)).toEqual(["Colocación"]);
  });

  it("refuses an over-long filter with a translated 400", async () => {
    const result = await run(glossaryLoader, makeRequest(`/es/glossary?q=${"a".repeat(201)}`), { lang: "es" });
    expect(result.status).toBe(400);
    expect((result.data as { message: string; entries: unknown[] }).message).toBe(
      "El texto de búsqueda es demasiado largo (200 caracteres como máximo).",
    );
  });
});

describe("search (public)", () => {
  it("finds lessons and terms in either language, accent-insensitively, with marked passages", async () => {
    const result = await run(searchLoader, makeRequest("/en/search?q=estratificacion"), { lang: "en" });
    expect(result.status).toBe(200);
    const results = (
      result.data as { results: { kind: string; lang: string; title: Marked; snippet: Marked; href: string }[] }
    ).results;
    const term = results.find((r) => r.kind === "term");
    expect(term?.href).toBe("/en/glossary#term-layering");
    expect(marked(term!.title)).toEqual(["Estratificación"]);
    expect(results.filter((r) => r.kind === "term")).toHaveLength(1); // one result per term, not one per language
  });

  it("opens a section in the other language in the side-by-side view", async () => {
    const result = await run(searchLoader, makeRequest("/en/search?q=sucursales"), { lang: "en" });
    const hit = (result.data as { results: { kind: string; lang: string; href: string; snippet: Marked }[] })
      .results[0];
    expect(hit).toMatchObject({
      kind: "lesson",
      lang: "es",
      href: "/en/courses/aml-basics/lessons/laundering-stages?view=both#sec-es-why-stages",
    });
    expect(marked(hit!.snippet)).toContain("sucursales");
  });

  it("shows nothing for an empty query and 400 for an over-long one", async () => {
    const empty = await run(searchLoader, makeRequest("/en/search"), { lang: "en" });
    expect((empty.data as { results: unknown[] }).results).toEqual([]);
    const long = await run(searchLoader, makeRequest(`/en/search?q=${"x".repeat(300)}`), { lang: "en" });
    expect(long.status).toBe(400);
  });

  it("takes odd input without failing", async () => {
    for (const q of ["((", "*", "\"'", "%", "ñ"]) {
      const result = await run(searchLoader, makeRequest(`/en/search?${new URLSearchParams({ q })}`), { lang: "en" });
      expect(result.status, q).toBe(200);
    }
  });
});
