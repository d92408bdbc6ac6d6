// Snippets for search results: the passage around the first match, with match ranges
// (not HTML), found accent- and case-insensitively like the index itself.
import { findRanges, queryWords } from "~/modules/text/index.ts";

export interface Snippet {
  text: string;
  /** [start, end) ranges in `text` to mark as matches. */
  highlights: [number, number][];
}

export function makeSnippet(text: string, terms: readonly string[], length = 180): Snippet {
  const all = findRanges(text, queryWords(terms.join(" ")));
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const highlights = all
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): [number, number] => [from - start + prefix.length, to - start + prefix.length]);
  return { text: `${prefix}${text.slice(start, end).replace(/\n/g, " ")}${suffix}`, highlights };
}
