// Shared by the content scripts: `--dir <path>` (default content/) and the repo-relative
// prefix problems are printed with.
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadContent } from "../../app/modules/content/load.server";
import { formatProblem } from "../../app/modules/content/problems";
import type { ContentModel } from "../../app/modules/content/types";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function readOptions(): { dir: string; json: boolean } {
  const { values } = parseArgs({
    options: { dir: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: false,
  });
  return { dir: resolve(values.dir ?? resolve(repoRoot, "content")), json: values.json ?? false };
}

/** Loads the tree; on problems prints them as `file:line: message` and returns null. */
export function loadOrReport(dir: string): ContentModel | null {
  const { model, problems } = loadContent(dir);
  if (model) return model;
  const prefix = `${relative(repoRoot, dir).split("\\").join("/") || "."}/`;
  for (const problem of problems) console.log(formatProblem(problem, prefix));
  console.error(`${problems.length} content problem${problems.length === 1 ? "" : "s"}`);
  process.exitCode = 1;
  return null;
}
