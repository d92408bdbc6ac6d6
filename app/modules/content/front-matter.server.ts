// Splits a lesson file into its YAML front matter and Markdown body, keeping the line
// numbers of both so problems found in either point at the real line of the file.

export interface SplitLesson {
  yaml: string;
  /** File line where the YAML text starts (the line after the opening `---`). */
  yamlFirstLine: number;
  body: string;
  /** File line where the body starts; markdown-it's 0-based `map[0]` adds to it. */
  bodyFirstLine: number;
}

export function splitFrontMatter(text: string): SplitLesson | { error: string } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") {
    return { error: "a lesson must start with front matter (a line with ---)" };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close < 0) return { error: "the front matter is not closed by a line with ---" };
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlFirstLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyFirstLine: close + 2,
  };
}
