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
});
