// The lesson's HTML and the glossary list are sent once: a document request's hydration data leaves it out (the
// server renders it into the document from the fragments the loader kept aside), while a data
// request (client-side navigation, revalidation) and a loader called outside a request scope
// carry it as before.
import { describe, expect, it } from "vitest";
import { documentFragments, runInRequestScope } from "~/modules/auth/index.server.ts";
import type { LessonPage } from "~/modules/learning/index.server.ts";
import { loader as lessonLoader } from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { loader as glossaryLoader } from "~/routes/$lang.glossary/route.tsx";
import { makeRequest, run } from "../helpers/routes.ts";
import { enrolVia, lessonParams, lessonUrl, setUpLearningTests, signedIn } from "./learning-fixture.ts";

setUpLearningTests();

type Loaded = { kind: string; page: LessonPage };

async function load(path: string | null, query = "") {
  const { cookie } = await signedIn();
  await enrolVia(cookie);
  const request = makeRequest(lessonUrl("en", undefined, undefined, query), { cookie });
  const call = () => run(lessonLoader, request, lessonParams("en"));
  if (path === null) return { result: await call(), fragments: null };
  return runInRequestScope("GET", async () => ({ result: await call(), fragments: documentFragments() }), path);
}

describe("lesson HTML once", () => {
  it("a document's data has no section or footnote HTML; the fragments hold all of it", async () => {
    const full = ((await load(null)).result.data as Loaded).page;
    const { result, fragments } = await load(lessonUrl("en"));
    const page = (result.data as Loaded).page;
    expect(result.status).toBe(200);
    const sections = page.texts.flatMap((t) => t.sections);
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.every((s) => s.html === null)).toBe(true);
    for (const text of full.texts) {
      for (const section of text.sections) expect(fragments!.get(section.anchor)).toBe(section.html);
      if (text.footnotesHtml) expect(fragments!.get(`footnotes-${text.lang}`)).toBe(text.footnotesHtml);
    }
    expect(JSON.stringify(page)).not.toContain("<p>");
  });

  it("side by side: both languages' HTML goes to the fragments", async () => {
    const { result, fragments } = await load(lessonUrl("en"), "?view=both");
    const page = (result.data as Loaded).page;
    expect(page.texts.map((t) => t.lang)).toEqual(["en", "es"]);
    for (const text of page.texts)
      for (const section of text.sections) {
        expect(section.html).toBeNull();
        expect(fragments!.get(section.anchor)).toMatch(/^</);
      }
  });

  it("a data request and a loader outside a scope carry the HTML", async () => {
    for (const { result } of [await load(`${lessonUrl("en")}.data`), await load(null)]) {
      const sections = (result.data as Loaded).page.texts.flatMap((t) => t.sections);
      expect(sections.every((s) => typeof s.html === "string" && s.html.includes("<"))).toBe(true);
    }
  });
});

describe("glossary list once", () => {
  type Glossary = { entries: { id: string }[] | null; shown: number; total: number };
  const glossary = (path: string | null, query = "") => {
    const call = () => run(glossaryLoader, makeRequest(`/es/glossary${query}`), { lang: "es" });
    if (path === null) return call().then((result) => ({ result, fragments: null }));
    return runInRequestScope("GET", async () => ({ result: await call(), fragments: documentFragments() }), path);
  };

  it("a document's data has no entries; the fragment is the rendered list, in the page language", async () => {
    const full = (await glossary(null)).result.data as Glossary;
    const { result, fragments } = await glossary("/es/glossary");
    const data = result.data as Glossary;
    expect(data.entries).toBeNull();
    expect(data.shown).toBe(full.entries!.length);
    const html = fragments!.get("glossary-es")!;
    for (const entry of full.entries!) expect(html).toContain(`id="term-${entry.id}"`);
    expect(html).toContain('lang="es"');
  });

  it("a filtered document renders only the matches, marked; a data request carries the entries", async () => {
    const { result, fragments } = await glossary("/es/glossary", "?q=etapa");
    const data = result.data as Glossary;
    expect(data.entries).toBeNull();
    expect(data.shown).toBeGreaterThan(0);
    expect(data.shown).toBeLessThan(data.total);
    expect(fragments!.get("glossary-es")).toContain("<mark>");
    const asData = (await glossary("/es/glossary.data", "?q=etapa")).result.data as Glossary;
    expect(asData.entries).toHaveLength(data.shown);
  });
});
