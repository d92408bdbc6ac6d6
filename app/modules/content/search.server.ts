// One in-memory MiniSearch index over lesson sections and glossary terms in both
// languages, rebuilt whenever the cached content changes version.
import MiniSearch from "minisearch";
import { contentIndex } from "./cache.server.ts";
import { type Lang, LANGUAGES as LANGS } from "~/modules/i18n/index.ts";
import { fold } from "~/modules/text/index.ts";
import { makeSnippet, type Snippet } from "./snippet.ts";
import type { ContentModel } from "./types.ts";

interface SearchDoc {
  id: string;
  kind: "section" | "term";
  lang: Lang;
  /** Section title or term name: boosted. */
  title: string;
  /** Lesson title, or the term's name in the other language. */
  context: string;
  text: string;
  lessonId?: string;
  sectionId?: string;
  termId?: string;
  courseIds?: string[];
}

export type SearchHit =
  | {
      kind: "section";
      lang: Lang;
      score: number;
      title: string;
      lessonTitle: string;
      lessonId: string;
      sectionId: string;
      courseId: string | null;
      courseIds: string[];
      snippet: Snippet;
    }
  | { kind: "term"; lang: Lang; score: number; title: string; otherTerm: string; termId: string; snippet: Snippet };

export interface SearchOptions {
  lang?: Lang;
  limit?: number;
}

function documents(model: ContentModel): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const lesson of model.lessons) {
    const courseIds = model.courses
      .filter((course) => course.modules.includes(lesson.moduleId))
      .map((course) => course.id);
    for (const lang of LANGS) {
      for (const section of lesson[lang].sections) {
        docs.push({
          id: `section:${lang}:${lesson.id}:${section.id}`,
          kind: "section",
          lang,
          title: section.title,
          context: lesson[lang].title,
          text: section.text,
          lessonId: lesson.id,
          sectionId: section.id,
          courseIds,
        });
      }
    }
  }
  for (const term of model.glossary) {
    for (const lang of LANGS) {
      const other = lang === "en" ? "es" : "en";
      docs.push({
        id: `term:${lang}:${term.id}`,
        kind: "term",
        lang,
        title: term[lang].term,
        context: term[other].term,
        text: term[lang].definition,
        termId: term.id,
      });
    }
  }
  return docs;
}

export interface ContentSearch {
  search(query: string, options?: SearchOptions): SearchHit[];
}

export function createSearch(model: ContentModel): ContentSearch {
  const docs = new Map(documents(model).map((doc) => [doc.id, doc]));
  const index = new MiniSearch<SearchDoc>({
    fields: ["title", "context", "text"],
    processTerm: (term) => fold(term),
    searchOptions: {
      boost: { title: 3, context: 1.5 },
      // A word of one or two letters ("a", "la", "of") is matched whole: as a prefix it matched
      // thousands of index terms and made a query of ordinary words 5-10 times slower.
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
    },
  });
  index.addAll([...docs.values()]);
  return {
    search(query, { lang, limit = 20 } = {}) {
      const filter = lang ? (result: { id: string }) => docs.get(result.id)?.lang === lang : undefined;
      // Every word must match when possible; fall back to any word so a typo still finds something.
      let results = index.search(query, { combineWith: "AND", filter });
      if (results.length === 0) results = index.search(query, { combineWith: "OR", filter });
      return results.slice(0, limit).flatMap((result): SearchHit[] => {
        const doc = docs.get(String(result.id));
        if (!doc) return [];
        const snippet = makeSnippet(doc.text, result.terms);
        if (doc.kind === "term") {
          return [
            {
              kind: "term",
              lang: doc.lang,
              score: result.score,
              title: doc.title,
              otherTerm: doc.context,
              termId: doc.termId ?? "",
              snippet,
            },
          ];
        }
        const courseIds = doc.courseIds ?? [];
        return [
          {
            kind: "section",
            lang: doc.lang,
            score: result.score,
            title: doc.title,
            lessonTitle: doc.context,
            lessonId: doc.lessonId ?? "",
            sectionId: doc.sectionId ?? "",
            courseId: courseIds[0] ?? null,
            courseIds,
            snippet,
          },
        ];
      });
    },
  };
}

let built: { model: ContentModel; search: ContentSearch } | undefined;

/** Searches the cached content; the index is rebuilt when the content reloads. */
export function searchContent(query: string, options: SearchOptions = {}): SearchHit[] {
  const { model } = contentIndex();
  if (built?.model !== model) built = { model, search: createSearch(model) };
  return built.search.search(query, options);
}
