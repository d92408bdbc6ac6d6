// Site search over lessons and glossary terms (the content module's in-memory index),
// one result per lesson section or term, best first.
import { getCourse, searchContent } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { lessonPath, sectionAnchor, termAnchor } from "./paths.ts";
import { findRanges, mergeRanges, queryWords, type Range } from "~/modules/text/index.ts";

export const SEARCH_LIMIT = 25;

export type SearchResult = {
  kind: "lesson" | "term";
  /** Language of the matching text. */
  lang: Lang;
  title: { text: string; marks: Range[] };
  /** Lesson title and course, or the term in the other language. */
  context: string;
  courseTitle: string | null;
  snippet: { text: string; marks: Range[] };
  href: string;
};

export function searchView(lang: Lang, query: string): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const hit of searchContent(query, { limit: SEARCH_LIMIT * 3 })) {
    // A term or section usually matches in both languages; keep its best-ranked one.
    const key = hit.kind === "term" ? `term:${hit.termId}` : `section:${hit.lessonId}:${hit.sectionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const snippet = {
      text: hit.snippet.text,
      marks: mergeRanges([...hit.snippet.highlights, ...findRanges(hit.snippet.text, words)]),
    };
    const title = { text: hit.title, marks: findRanges(hit.title, words) };
    if (hit.kind === "term") {
      results.push({
        kind: "term",
        lang: hit.lang,
        title,
        context: hit.otherTerm,
        courseTitle: null,
        snippet,
        href: `/${lang}/glossary#${termAnchor(hit.termId)}`,
      });
    } else {
      if (!hit.courseId) continue;
      // A section in the other language opens the side-by-side view, where it is shown.
      const href = lessonPath(lang, hit.courseId, hit.lessonId, {
        both: hit.lang !== lang,
        hash: sectionAnchor(hit.lang, hit.sectionId),
      });
      results.push({
        kind: "lesson",
        lang: hit.lang,
        title,
        context: hit.lessonTitle,
        courseTitle: getCourse(hit.courseId)?.title[lang] ?? null,
        snippet,
        href,
      });
    }
    if (results.length >= SEARCH_LIMIT) break;
  }
  return results;
}
