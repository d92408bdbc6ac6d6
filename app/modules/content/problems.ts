import type { Problem } from "./types.ts";

export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message),
  );
}

/** `file:line: message`, with `prefix` (e.g. `content/`) joined onto each file. */
export function formatProblem(problem: Problem, prefix = ""): string {
  return `${prefix}${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown by getContent() so `npm start` stops with the same lines content:check prints. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: readonly Problem[], prefix = "") {
    const lines = sortProblems(problems).map((problem) => formatProblem(problem, prefix));
    super(`Content is invalid (${lines.length} problem${lines.length === 1 ? "" : "s"}):\n${lines.join("\n")}`);
    this.name = "ContentError";
    this.problems = [...problems];
  }
}
