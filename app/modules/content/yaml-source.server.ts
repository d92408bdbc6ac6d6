// YAML parsing that remembers where everything is, so every problem can name the real
// line: zod issue paths and our own checks are mapped back to the node they refer to.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import type { ZodIssue, ZodType, ZodTypeDef } from "zod";
import type { Path } from "./quiz-rules.ts";
import type { Problem } from "./types.ts";

export interface YamlSource {
  file: string;
  data: unknown;
  /** Line of the deepest node on `path` that exists (the key's line for map entries). */
  lineOf(path: Path): number;
  problems: Problem[];
}

/** `firstLine` is the file line where the YAML text starts (2 for front matter). */
export function parseYaml(file: string, text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: toLine(error.pos[0]),
    message: `YAML: ${error.message.split("\n")[0] ?? error.code}`,
  }));
  return {
    file,
    data: problems.length > 0 ? undefined : doc.toJS(),
    lineOf: (path) => toLine(offsetOf(doc, path)),
    problems,
  };
}

function offsetOf(doc: Document, path: Path): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== "object" || node === null || !("range" in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}

/**
 * Validates `data` (by default the whole file) found at `path` in the file; problems go
 * to `source.problems` and the output is undefined on failure.
 */
export function validate<Output>(
  source: YamlSource,
  schema: ZodType<Output, ZodTypeDef, unknown>,
  path: Path = [],
  data: unknown = source.data,
): Output | undefined {
  if (source.data === undefined && source.problems.length > 0) return undefined;
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    source.problems.push(issueToProblem(source, { ...issue, path: [...path, ...issue.path] }));
  }
  return undefined;
}

function issueToProblem(source: YamlSource, issue: ZodIssue): Problem {
  if (issue.code === "unrecognized_keys") {
    // Point at the first unknown key itself, not at the object that holds it.
    const where = describePath(issue.path);
    const message = `unknown key "${issue.keys.join('", "')}"`;
    return {
      file: source.file,
      line: source.lineOf([...issue.path, ...issue.keys.slice(0, 1)]),
      message: where ? `${where}: ${message}` : message,
    };
  }
  return atPath(source, issue.path, issue.message);
}

export function atPath(source: YamlSource, path: Path, message: string): Problem {
  const where = describePath(path);
  return { file: source.file, line: source.lineOf(path), message: where ? `${where}: ${message}` : message };
}

/** `["items", 2, "prompt", "es"]` → `items[2].prompt.es` */
export function describePath(path: Path): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}
