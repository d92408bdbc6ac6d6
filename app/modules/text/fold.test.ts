import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRanges, fold, queryWords } from "./index.ts";

describe("fold: one accent- and case-insensitive comparison", () => {
  it.each([
    ["Señal", "senal"],
    ["AÑO", "ano"],
    ["pingüino", "pinguino"],
    ["ÜBER", "uber"],
    ["ÉXITO ÁRBOL ÍNDICE ÓRGANO ÚLTIMO", "exito arbol indice organo ultimo"],
    ["Cafe\u0301", "cafe"], // e + combining acute, as pasted from some PDFs
    ["n\u0303", "n"], // decomposed ñ
    ["İstanbul", "istanbul"], // capital I with dot lower-cases to i + combining dot
    ["ﬁscalía", "fiscalia"], // ligature
    ["Money Laundering", "money laundering"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("keeps the length map right when one letter folds into two", () => {
    const text = "La ﬁscalía recibió la señal";
    const ranges = findRanges(text, queryWords("fiscalia senal"));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(["ﬁscalía", "señal"]);
  });

  it("finds the same ranges as folding every character through fold() (the ASCII fast path and the cache change nothing)", () => {
    // The reference is the plain algorithm: fold each character, search the folded text, map back.
    const reference = (text: string, words: string[]) => {
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
      const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      const found: [number, number][] = [];
      for (const word of words) {
        for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
          if (at > 0 && isWord(folded[at - 1])) continue;
          let end = at + word.length;
          while (end < folded.length && isWord(folded[end])) end++;
          found.push([source[at]!, source[end]!]);
        }
      }
      return found;
    };
    const text = fc
      .array(fc.constantFrom(..."aAeÉñÑüÜiİ ﬁ-zZ.9ßøÅ\u0301\u00a0"), { maxLength: 40 })
      .map((c) => c.join(""));
    const words = fc.uniqueArray(fc.constantFrom("a", "e", "n", "fi", "u", "z9", "ss", "i"), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(text, words, (t, w) => {
        const expected = [...reference(t, w)].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        const merged: [number, number][] = [];
        for (const [from, to] of expected) {
          const last = merged.at(-1);
          if (last && from <= last[1]) last[1] = Math.max(last[1], to);
          else merged.push([from, to]);
        }
        expect(findRanges(t, w)).toEqual(merged);
      }),
      { numRuns: 1000 },
    );
  });
});
