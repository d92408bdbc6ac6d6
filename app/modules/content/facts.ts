// `npm run content:facts`: every figure, date and statutory citation in a lesson body, each
// with the footnote it rests on, so a reviewer can check them one by one. Regex-based on
// purpose: it reads the Markdown as an author writes it and errs towards listing too much.

export const FACT_KINDS = ["citation", "date", "amount", "percent", "period", "number", "year"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  /** The figure, date or citation as written. */
  text: string;
  /** 1-based line in the lesson body (add the body's first file line for a file line). */
  line: number;
  /** Footnote keys in the same sentence; if none, in the same paragraph, list item or table row. */
  footnotes: string[];
  /** Where the footnotes were found; null when the claim has none. */
  footnoteScope: "sentence" | "paragraph" | null;
  /** True inside an `:::example` callout: an invented case, not a claim about the law. */
  inExample: boolean;
}

const MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const ROMAN = "[IVXLC]+(?:\\s+(?:Bis|Ter))?";
const NUM = "\\d[\\d,]*(?:\\.\\d+)?";
const SCALE = "(?:\\s?(?:million|billion|thousand|bn|mn|mil millones|millones|mil|mdd|mdp|k))?";

// In priority order: a span taken by an earlier pattern is not matched again by a later one,
// so "31 U.S.C. §5316" is one citation and "1 March 2026" one date, not a date and a year.
const PATTERNS: readonly [FactKind, RegExp][] = [
  [
    "citation",
    /\b\d+\s+U\.?\s?S\.?\s?C\.?\s*(?:§{1,2}\s*)?\d[\w.\-–()]*(?:\s*(?:–|-|and|y|,)\s*(?!\d+\s+(?:U\.?\s?S\.?\s?C|C\.?\s?F\.?\s?R))§?\d[\w.()]*)*/gu,
  ],
  ["citation", /\b\d+\s+C\.?\s?F\.?\s?R\.?\s*(?:(?:part|parte)\s+)?(?:§{1,2}\s*)?\d[\w.\-–()]*/giu],
  [
    "citation",
    /§{1,2}\s*\d[\w.\-–()]*(?:\s*(?:–|-|and|y|,)\s*(?!\d+\s+(?:U\.?\s?S\.?\s?C|C\.?\s?F\.?\s?R))§?\d[\w.()]*)*/gu,
  ],
  [
    "citation",
    new RegExp(
      `\\b(?:arts?\\.|artículos?|articles?)\\s*\\d+(?:\\s+(?:Bis|Ter|Quáter|Quater|Quinquies|Sexies)\\b)?` +
        `(?:\\s*(?:,|y|and|a|to|–|-)\\s*\\d+(?:\\s+(?:Bis|Ter)\\b)?)*` +
        `(?:\\s*,?\\s*(?:fr(?:acc)?s?\\.|fracci(?:ón|ones)|fractions?)\\s*${ROMAN}(?:\\s*(?:,|y|and)\\s*${ROMAN})*)?`,
      "giu",
    ),
  ],
  ["citation", new RegExp(`\\b(?:fr(?:acc)?\\.|fracción|fraction)\\s*${ROMAN}\\b`, "gu")],
  ["citation", /\b(?:Recommendations?|Recomendaci(?:ón|ones)|R\.)\s*\d+(?:\s*(?:–|-|and|y|,)\s*\d+)*/gu],
  ["citation", /\b(?:[Ss]ection|[Ss]ecci[oó]n|[Ss]ec\.)\s+\d+[\w()]*/gu],
  ["citation", /\bFIN-\d{4}-[A-Z][\w]*/gu],
  ["citation", /\bPub(?:lic)?\.?\s*L(?:aw)?\.?\s*(?:No\.\s*)?\d+-\d+/gu],
  ["date", new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS_EN})(?:\\s+\\d{4})?\\b`, "gu")],
  ["date", new RegExp(`\\b(?:${MONTHS_EN})\\s+\\d{1,2},?\\s+\\d{4}\\b`, "gu")],
  ["date", new RegExp(`\\b(?:${MONTHS_EN})\\s+\\d{4}\\b`, "gu")],
  ["date", new RegExp(`\\b\\d{1,2}\\s+de\\s+(?:${MONTHS_ES})(?:\\s+de(?:l)?\\s+\\d{4})?`, "giu")],
  ["date", new RegExp(`\\b(?:${MONTHS_ES})\\s+de(?:l)?\\s+\\d{4}\\b`, "giu")],
  ["date", /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[-/]\d{1,2}[-/]\d{4}\b/gu],
  ["amount", new RegExp(`(?:USD|US\\$|MXN|EUR|€|£|\\$)\\s?${NUM}${SCALE}`, "gu")],
  // Not "the 2026 UMA": a bare year before a unit is a year.
  [
    "amount",
    new RegExp(`\\b(?!(?:19|20)\\d{2}\\s)${NUM}${SCALE}\\s?(?:USD|MXN|dollars|dólares|pesos|UMA|UMAs)\\b`, "giu"),
  ],
  ["percent", new RegExp(`\\b${NUM}\\s?(?:%|percent\\b|per cent\\b|por ciento\\b)`, "giu")],
  [
    "period",
    new RegExp(
      `\\b${NUM}[\\s-]?(?:business|calendar|working)?\\s?(?:days?|weeks?|months?|years?|hours?|minutes?)\\b` +
        `|\\b${NUM}\\s?(?:días?|semanas?|meses|mes|años?|horas?|minutos?)(?:\\s(?:hábiles|naturales))?(?![\\p{L}])` +
        `|\\b(?:day|día)\\s+\\d+\\b`,
      "giu",
    ),
  ],
  ["number", /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+\.\d+\b/gu],
  ["year", /\b(?:19|20)\d{2}\b/gu],
];

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/gu;

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATION =
  /(?:\b(?:art|arts|fr|frs|fracc|No|núm|Núm|Sec|sec|p|pp|párr|inc|v|vs|e\.g|i\.e|etc|Inc|Co|Ltd|Dr|Lic|St|Mr|Ms|Fed|Reg|Stat|L|Pub|C\.F\.R|U\.S\.C|U\.S)|\b[A-Z])\.$/u;

/** Blanks out what is not prose (link targets, glossary ids, footnote keys) keeping offsets. */
function blank(text: string): string {
  return text
    .replace(/\]\([^)]*\)/gu, (m) => `]${" ".repeat(m.length - 1)}`)
    .replace(/\[\[[^\]|]*\|/gu, (m) => " ".repeat(m.length))
    .replace(FOOTNOTE_REF, (m) => " ".repeat(m.length));
}

interface Unit {
  text: string;
  /** 0-based body line of the unit's first line. */
  line: number;
  inExample: boolean;
}

/** Paragraphs, list items and table rows of a body, without headings, fences and footnote definitions. */
function units(body: string): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  let inSources = false;
  let inExample = false;
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  body.split("\n").forEach((raw, index) => {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s/u.exec(line);
    if (heading) {
      flush();
      // The Sources section lists the sources themselves, not claims resting on them.
      if (heading[1] === "##") inSources = /\{#sources\}\s*$/u.test(line);
      return;
    }
    if (/^:::/u.test(line.trim())) {
      flush();
      inExample = line.trim() === ":::example";
      return;
    }
    if (inSources || line.trim() === "" || /^\[\^[^\]]+\]:/u.test(line)) {
      flush();
      return;
    }
    const startsItem = /^\s*(?:[-*+]|\d+[.)])\s/u.test(line) || /^\s*\|/u.test(line);
    if (/^\s*\|?\s*:?-{3,}/u.test(line)) return; // table separator row
    if (startsItem || !current) {
      flush();
      current = { text: line, line: index, inExample };
    } else current.text += `\n${line}`;
  });
  flush();
  return out;
}

function sentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  const boundary = /[.!?](?:\[\^[^\]]+\])*["”»)]*(?=\s+["“«(¿¡]?[A-ZÁÉÍÓÚÑ0-9])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(start, match.index + 1);
    if (ABBREVIATION.test(before.trimEnd())) continue;
    // A full stop between digits (10.5) or right after a number that may continue is not an end.
    if (/\d\.$/u.test(before) && /^\s+\d/u.test(text.slice(match.index + 1))) continue;
    const end = match.index + match[0].length;
    spans.push({ start, end });
    start = end;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** Drops trailing punctuation and closing brackets the match does not open. */
function trimTail(text: string): string {
  let out = text.trimEnd().replace(/[.,;:]+$/u, "");
  while (out.endsWith(")") && (out.match(/\(/gu)?.length ?? 0) < (out.match(/\)/gu)?.length ?? 0))
    out = out.slice(0, -1).replace(/[.,;:]+$/u, "");
  return out;
}

function footnotesIn(text: string): string[] {
  return [...new Set([...text.matchAll(FOOTNOTE_REF)].map((m) => m[1]!))];
}

/** Every figure, date and citation in a lesson body (Markdown without front matter). */
export function extractFacts(body: string): Fact[] {
  const facts: Fact[] = [];
  for (const unit of units(body)) {
    const prose = blank(unit.text);
    const taken: [number, number][] = [];
    const found: { kind: FactKind; start: number; end: number }[] = [];
    for (const [kind, pattern] of PATTERNS) {
      for (const match of prose.matchAll(pattern)) {
        const start = match.index;
        const end = start + trimTail(match[0]).length;
        if (end <= start || taken.some(([a, b]) => start < b && end > a)) continue;
        taken.push([start, end]);
        found.push({ kind, start, end });
      }
    }
    const spans = sentences(unit.text);
    const paragraphNotes = footnotesIn(unit.text);
    for (const fact of found.sort((a, b) => a.start - b.start)) {
      const sentence = spans.find((s) => fact.start >= s.start && fact.start < s.end) ?? spans[0]!;
      const own = footnotesIn(unit.text.slice(sentence.start, sentence.end));
      const footnotes = own.length > 0 ? own : paragraphNotes;
      facts.push({
        kind: fact.kind,
        text: prose.slice(fact.start, fact.end).replace(/\s+/gu, " "),
        line: unit.line + 1 + (unit.text.slice(0, fact.start).match(/\n/gu)?.length ?? 0),
        footnotes,
        footnoteScope: own.length > 0 ? "sentence" : paragraphNotes.length > 0 ? "paragraph" : null,
        inExample: unit.inExample,
      });
    }
  }
  return facts;
}

/** `[^key]: text` definitions of a body, by key. */
export function footnoteDefinitions(body: string): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const match of body.matchAll(/^\[\^([^\]]+)\]:\s*(.*)$/gmu)) definitions.set(match[1]!, match[2]!.trim());
  return definitions;
}
