// Shared by the content scripts: `--dir <path>` (default content/) and the repo-relative
// prefix problems are printed with.
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProblem, loadContent } from "../../app/modules/content/index.server.ts";
import type { ContentModel, LoadResult } from "../../app/modules/content/index.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Options {
  dir: string;
  json: boolean;
  strict: boolean;
  /** The day review dates are measured against (`--today YYYY-MM-DD`, for reproducible runs). */
  today: Date;
}

export function defaultContentDir(): string {
  return resolve(repoRoot, "content");
}

export function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      json: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      today: { type: "string" },
    },
    allowPositionals: false,
  });
  const today = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) throw new Error(`--today: "${values.today}" is not a date (YYYY-MM-DD)`);
  return {
    dir: resolve(values.dir ?? resolve(repoRoot, "content")),
    json: values.json ?? false,
    strict: values.strict ?? false,
    today,
  };
}

/** `content/` as printed before each `file:line` (relative to the repo root). */
export function printPrefix(dir: string): string {
  return `${relative(repoRoot, dir).split("\\").join("/") || "."}/`;
}

/** Loads the tree; on problems prints them as `file:line: message` and returns null. */
export function loadOrReport(dir: string, today = new Date()): ContentModel | null {
  return reportProblems(dir, loadContent(dir, today));
}

export function reportProblems(dir: string, { model, problems }: LoadResult): ContentModel | null {
  if (model) return model;
  for (const problem of problems) console.log(formatProblem(problem, printPrefix(dir)));
  console.error(`${problems.length} content problem${problems.length === 1 ? "" : "s"}`);
  process.exitCode = 1;
  return null;
}
