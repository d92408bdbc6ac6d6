// The cohort progress export: UTF-8 with a byte-order mark (so Excel reads accents right),
// CRLF line ends, and text cells that a spreadsheet would run as a formula (= + - @ tab CR)
// prefixed with an apostrophe.
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";

export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type CsvCell = string | number | null;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === "string" ? guardFormula(cell) : (cell ?? ""))));
  return CSV_BOM + stringify(safe, { record_delimiter: "windows", quoted_match: /[",\r\n]/ });
}
