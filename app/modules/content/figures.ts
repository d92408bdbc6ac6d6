// Figures (amounts, dates, article numbers) must read the same in both languages.
// We compare the SET of numbers each side mentions: the README asks that every number
// "appear in the other language too", and a translation may legitimately repeat or
// merge a mention, so counting occurrences would flag correct text.

// A number with thousands groups (comma, space, no-break or narrow no-break space),
// or a plain run of digits; either may carry a decimal part (es-MX uses the point too).
const FIGURE = /(?<![\d.,])\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d])|(?<![\d])\d+(?:\.\d+)?/g;

/** `10,000.50` → `10000.5`, `007` → `7`: one canonical key per value as written. */
export function canonicalFigure(raw: string): string {
  const compact = raw.replace(/[, \u00a0\u202f]/g, "");
  const [whole = "", fraction = ""] = compact.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  return decimals === "" ? integer : `${integer}.${decimals}`;
}

/** Canonical figure → how it was first written (for messages). */
export function extractFigures(text: string): Map<string, string> {
  const figures = new Map<string, string>();
  for (const match of text.matchAll(FIGURE)) {
    const key = canonicalFigure(match[0]);
    if (!figures.has(key)) figures.set(key, match[0]);
  }
  return figures;
}

export interface FigureDifference {
  /** Figures (as written in English) that the Spanish text lacks. */
  missingInEs: string[];
  /** Figures (as written in Spanish) that the English text lacks. */
  missingInEn: string[];
}

export function compareFigures(en: string, es: string): FigureDifference | null {
  const enFigures = extractFigures(en);
  const esFigures = extractFigures(es);
  const missingInEs = [...enFigures].filter(([key]) => !esFigures.has(key)).map(([, raw]) => raw);
  const missingInEn = [...esFigures].filter(([key]) => !enFigures.has(key)).map(([, raw]) => raw);
  return missingInEs.length === 0 && missingInEn.length === 0 ? null : { missingInEs, missingInEn };
}
