// Snippets for search results: the passage around the first match, with match ranges
// (not HTML), found accent- and case-insensitively like the index itself.

/** "Señal" → "senal": what the search index stores and compares. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export interface Snippet {
  text: string;
  /** [start, end) ranges in `text` to mark as matches. */
  highlights: [number, number][];
}

/** Folds `text` keeping, for every folded code unit, the index of its source code unit. */
function foldWithMap(text: string): { folded: string; source: number[] } {
  let folded = "";
  const source: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = fold(char);
    folded += part;
    for (let i = 0; i < part.length; i++) source.push(index);
    index += char.length;
  }
  source.push(text.length);
  return { folded, source };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function matches(text: string, terms: readonly string[]): [number, number][] {
  const { folded, source } = foldWithMap(text);
  const found: [number, number][] = [];
  for (const term of new Set(terms.map(fold).filter((t) => t !== ""))) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (at > 0 && WORD_CHAR.test(folded[at - 1] ?? "")) continue; // match words from their start
      let end = at + term.length;
      while (end < folded.length && WORD_CHAR.test(folded[end] ?? "")) end++; // mark the whole word
      found.push([source[at] ?? 0, source[end] ?? text.length]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

export function makeSnippet(text: string, terms: readonly string[], length = 180): Snippet {
  const all = matches(text, terms);
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
