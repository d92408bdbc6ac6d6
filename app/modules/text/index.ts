// The one accent- and case-insensitive comparison of the app, browser-safe: the content
// search index, search snippets, the glossary filter, admin people search, stored search
// text and the grading of typed answers all fold text here.

/**
 * "Señal" → "senal", "ÜBER" → "uber", "ﬁscal" → "fiscal". Lower-casing comes first because
 * some capitals lower-case into a letter plus a combining mark ("İ" → "i̇"); compatibility
 * decomposition then splits accents and ligatures, and every combining mark is dropped.
 */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

export type Range = [number, number];

/** The query's words, folded, without duplicates or empties. */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      fold(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== ""),
    ),
  ];
}

// Folding one character at a time was a fifth of a search's CPU (every hit's section text is
// folded to place its snippet). ASCII folds to itself lower-cased; other characters are folded
// once and remembered (a bounded set: letters of the content and of queries).
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let part = foldedChars.get(char);
  if (part === undefined) {
    part = fold(char);
    if (foldedChars.size < 4096) foldedChars.set(char, part);
  }
  return part;
}

/** Folds `text`, keeping for every folded code unit the index of the source code unit. */
function foldWithMap(text: string): { folded: string; source: number[] } {
  let folded = "";
  const source: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldChar(char);
    folded += part;
    for (let i = 0; i < part.length; i++) source.push(index);
    index += char.length;
  }
  source.push(text.length);
  return { folded, source };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Start indices in `folded` where `word` begins a word ("sen" in "la señal", not in "asenal"). */
function wordStarts(folded: string, word: string): number[] {
  const starts: number[] = [];
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(folded[at - 1] ?? "")) starts.push(at);
  }
  return starts;
}

/** True when every word of the query begins a word somewhere in `texts`. */
export function matchesAll(words: readonly string[], texts: readonly string[]): boolean {
  const haystack = fold(texts.join("\n"));
  return words.every((word) => wordStarts(haystack, word).length > 0);
}

/** The words of `text` that begin with one of the query's words (source indices), merged and sorted. */
export function findRanges(text: string, words: readonly string[]): Range[] {
  if (words.length === 0) return [];
  const { folded, source } = foldWithMap(text);
  const found: Range[] = [];
  for (const word of words) {
    for (const at of wordStarts(folded, word)) {
      let end = at + word.length;
      while (end < folded.length && WORD_CHAR.test(folded[end] ?? "")) end++; // mark the whole word
      found.push([source[at] ?? 0, source[end] ?? text.length]);
    }
  }
  return mergeRanges(found);
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export type Piece = { text: string; mark: boolean };

/** Splits `text` into plain and marked pieces for rendering with <mark>. */
export function pieces(text: string, ranges: readonly Range[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const [from, to] of mergeRanges(ranges)) {
    if (from < at || to > text.length || from >= to) continue;
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
