// The per-item CSV export: RFC 4180 (comma-separated, CRLF line ends, fields with a comma,
// quote or line break quoted and inner quotes doubled), UTF-8 with a byte-order mark so Excel
// reads Spanish accents correctly. Numbers use a dot for decimals, which both en-US and es-MX
// spreadsheets read as a number.
import type { Figures, QuizStats } from "./stats.ts";

export const CSV_BOM = "\uFEFF";

type Cell = string | number | null;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const decimal = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(4)));

export const CSV_COLUMNS = [
  "quizId",
  "itemId",
  "type",
  "topic",
  "prompt",
  "responses",
  "shareCorrect",
  "meanScore",
  "discrimination",
  "responsesEn",
  "shareCorrectEn",
  "responsesEs",
  "shareCorrectEs",
  "flagged",
] as const;

export type CsvLabels = { header: Record<(typeof CSV_COLUMNS)[number], string>; yes: string; no: string };

export function itemStatsCsv(stats: QuizStats, labels: CsvLabels): string {
  const share = (f: Figures) => decimal(f.shareCorrect);
  const rows: Cell[][] = [CSV_COLUMNS.map((c) => labels.header[c])];
  for (const item of stats.units.flatMap((u) => u.items)) {
    rows.push([
      stats.quizId,
      item.itemId,
      item.type,
      item.topic,
      item.prompt,
      item.all.responses,
      share(item.all),
      decimal(item.all.meanScore),
      decimal(item.all.discrimination),
      item.en.responses,
      share(item.en),
      item.es.responses,
      share(item.es),
      item.gap.flagged ? labels.yes : labels.no,
    ]);
  }
  return toCsv(rows);
}
