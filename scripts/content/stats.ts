// npm run content:stats [-- --json] [-- --dir <path>] — size of the content, overall and per module.
import { ITEM_TYPES } from "../../app/modules/content/index.ts";
import { contentStats, moduleStats } from "../../app/modules/content/index.server.ts";
import { loadOrReport, readOptions } from "./cli.ts";

const options = readOptions();
const model = loadOrReport(options.dir);
if (model && options.json) {
  console.log(JSON.stringify(contentStats(model)));
} else if (model) {
  const rows = moduleStats(model).map((row) => ({
    module: row.moduleId,
    lessons: row.lessons,
    "words en": row.words.en,
    "words es": row.words.es,
    "es/en": row.words.en === 0 ? "-" : (row.words.es / row.words.en).toFixed(2),
    ...Object.fromEntries(ITEM_TYPES.map((type) => [type, row.items[type]])),
    "terms used": row.termsUsed,
  }));
  printTable(rows);
  const total = contentStats(model);
  console.log(
    `\n${total.courses} courses, ${total.modules} modules, ${total.lessons} lessons, ` +
      `${total.words.en} words en / ${total.words.es} words es, ${total.items.total} items, ` +
      `${total.glossaryTerms} glossary terms`,
  );
}

function printTable(rows: readonly Record<string, string | number>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}
