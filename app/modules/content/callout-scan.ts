// markdown-it-container silently treats an unknown `:::name` as text and auto-closes an
// unterminated callout at the end of the file, so the fences are checked line by line.
import { CALLOUT_KINDS } from "./kinds.ts";

export interface LineIssue {
  /** 0-based line in the scanned text. */
  line: number;
  message: string;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const CALLOUT = /^\s{0,3}:{3,}\s*(.*?)\s*$/;
const KNOWN: ReadonlySet<string> = new Set(CALLOUT_KINDS);

export function scanCallouts(body: string): LineIssue[] {
  const issues: LineIssue[] = [];
  const open: { line: number; kind: string }[] = [];
  let inCode = false;
  body.split("\n").forEach((text, line) => {
    if (FENCE.test(text)) inCode = !inCode;
    const match = inCode ? null : CALLOUT.exec(text);
    if (!match) return;
    const kind = match[1] ?? "";
    if (kind === "") {
      if (!open.pop()) issues.push({ line, message: "::: closes no open callout" });
    } else {
      // An unknown kind still opens a block, so its closing ::: is not reported as stray.
      open.push({ line, kind });
      if (!KNOWN.has(kind)) {
        issues.push({ line, message: `unknown callout ":::${kind}" (use ${CALLOUT_KINDS.join(", ")})` });
      }
    }
  });
  for (const callout of open) {
    issues.push({ line: callout.line, message: `callout :::${callout.kind} is never closed (add a line with :::)` });
  }
  return issues;
}
