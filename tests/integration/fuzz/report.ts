// One line for the whole suite, whichever of its files ends last: each file leaves its tally
// in the run's temporary folder (removed with the run, tests/setup/global-db.ts), and the file
// that finds every part there prints the sum the note quotes.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { tmpDir } from "../../setup/databases.ts";

export const PARTS = ["forms-1", "forms-2", "queries-1", "queries-2"] as const;
export type Part = { inputs: number; forms: number; endpoints: number; pages: number };

export function report(name: (typeof PARTS)[number], part: Part): void {
  const dir = path.join(tmpDir, `fuzz-${inject("dbTemplate").runId}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(part));
  const found = PARTS.map((p) => path.join(dir, `${p}.json`)).filter((f) => fs.existsSync(f));
  if (found.length < PARTS.length) return;
  const sum = found
    .map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Part)
    .reduce((a, b) => ({
      inputs: a.inputs + b.inputs,
      forms: a.forms + b.forms,
      endpoints: a.endpoints + b.endpoints,
      pages: a.pages + b.pages,
    }));
  console.info(
    `hostile input: ${sum.inputs} inputs over ${sum.forms} forms and ${sum.endpoints} endpoints ` +
      `(and the query strings of ${sum.pages} pages)`,
  );
}
