// Parses content/ once and serves it from memory. In development a cheap signature of
// the directory (every file's path, size and mtime) is compared on access, at most once
// per RECHECK_MS, so edits show up without restarting `npm run dev`.
import { statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadContent } from "./load.server.ts";
import { buildIndex, type ContentIndex } from "./lookup.ts";
import { ContentError } from "./problems.ts";
import { listFiles } from "./read-tree.server.ts";

const RECHECK_MS = 250;

interface Entry {
  signature: string;
  checkedAt: number;
  result: ContentIndex | ContentError;
}

const cache = new Map<string, Entry>();

export function defaultContentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? "content");
}

function signature(dir: string): string {
  try {
    return listFiles(dir)
      .map((path) => {
        const stat = statSync(join(dir, path));
        return `${path}:${stat.size}:${stat.mtimeMs}`;
      })
      .join("|");
  } catch {
    return "missing";
  }
}

function load(dir: string): ContentIndex | ContentError {
  const { model, problems } = loadContent(dir);
  // Paths in the message are relative to the working directory, like content:check prints them.
  if (!model) return new ContentError(problems, `${relative(process.cwd(), dir) || "."}/`);
  return buildIndex(deepFreeze(model));
}

/** The cached index for `dir`; throws ContentError (every `file:line: message`) if invalid. */
export function contentIndex(dir = defaultContentDir()): ContentIndex {
  const now = Date.now();
  let entry = cache.get(dir);
  const watching = process.env.NODE_ENV === "development";
  if (entry && watching && now - entry.checkedAt >= RECHECK_MS) {
    const current = signature(dir);
    entry.checkedAt = now;
    if (current !== entry.signature) entry = undefined;
  }
  if (!entry) {
    const current = signature(dir);
    entry = { signature: current, checkedAt: now, result: load(dir) };
    cache.set(dir, entry);
  }
  if (entry.result instanceof ContentError) throw entry.result;
  return entry.result;
}

/** Forget cached content (tests; a deploy restarts the process anyway). */
export function clearContentCache(): void {
  cache.clear();
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
