// Turns submitted form fields into answers, refusing anything that is not part of this attempt.
// Field names: `q3` (single, multiple, true-false, numeric, short-text), `q3.<leftId>` for
// matching (value: a right-hand id) and `q3.<stepId>` for ordering (value: a position 1…n).
import type { Answer, SnapshotItem } from "./types.ts";

export type AnswerError = {
  key: string | null;
  code: "unknownItem" | "unknownOption" | "badNumber" | "badOrder" | "tooLong";
};

export type ParsedAnswers = { answers: Map<string, Answer | null>; errors: AnswerError[] };

const FIELD = /^(q\d+)(?:\.([a-z0-9]+))?$/;
export const SHORT_TEXT_MAX = 200;

export function parseNumber(raw: string): number | null {
  const compact = raw.replace(/[\s,]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

export function parseAnswers(fields: [string, string][], items: SnapshotItem[]): ParsedAnswers {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const grouped = new Map<string, { values: string[]; parts: Map<string, string> }>();
  const errors: AnswerError[] = [];
  for (const [name, value] of fields) {
    const match = FIELD.exec(name);
    if (!match) continue;
    const [, key, part] = match as unknown as [string, string, string | undefined];
    if (!byKey.has(key)) {
      errors.push({ key, code: "unknownItem" });
      continue;
    }
    const entry = grouped.get(key) ?? { values: [] as string[], parts: new Map<string, string>() };
    if (part) entry.parts.set(part, value);
    else entry.values.push(value);
    grouped.set(key, entry);
  }
  const answers = new Map<string, Answer | null>();
  for (const [key, { values, parts }] of grouped) {
    const item = byKey.get(key)!;
    const filled = values.filter((v) => v.trim() !== "");
    const fail = (code: AnswerError["code"]) => errors.push({ key, code });
    switch (item.type) {
      case "single": {
        const choice = filled[0];
        if (choice === undefined) answers.set(key, null);
        else if (filled.length > 1 || !item.options.some((o) => o.id === choice)) fail("unknownOption");
        else answers.set(key, { type: "single", choice });
        break;
      }
      case "multiple": {
        if (filled.some((c) => !item.options.some((o) => o.id === c))) fail("unknownOption");
        else answers.set(key, filled.length ? { type: "multiple", choices: [...new Set(filled)] } : null);
        break;
      }
      case "true-false": {
        const v = filled[0];
        if (v === undefined) answers.set(key, null);
        else if (v !== "true" && v !== "false") fail("unknownOption");
        else answers.set(key, { type: "true-false", value: v === "true" });
        break;
      }
      case "numeric": {
        const raw = filled[0];
        const value = raw === undefined ? null : parseNumber(raw);
        if (raw !== undefined && value === null) fail("badNumber");
        else answers.set(key, value === null ? null : { type: "numeric", value });
        break;
      }
      case "short-text": {
        const text = (filled[0] ?? "").trim();
        if (text.length > SHORT_TEXT_MAX) fail("tooLong");
        else answers.set(key, text ? { type: "short-text", text } : null);
        break;
      }
      case "matching": {
        const leftIds = new Set(item.lefts.map((l) => l.id));
        const rightIds = new Set(item.rights.map((r) => r.id));
        const matches: Record<string, string> = {};
        let bad = false;
        for (const [left, right] of parts) {
          if (!leftIds.has(left) || (right !== "" && !rightIds.has(right))) bad = true;
          else if (right !== "") matches[left] = right;
        }
        if (bad) fail("unknownOption");
        else answers.set(key, Object.keys(matches).length ? { type: "matching", matches } : null);
        break;
      }
      case "ordering": {
        const stepIds = new Set(item.steps.map((s) => s.id));
        const positions: [string, number][] = [];
        let bad = false;
        for (const [step, raw] of parts) {
          if (!stepIds.has(step)) bad = true;
          else if (raw !== "") positions.push([step, Number(raw)]);
        }
        if (bad) {
          fail("unknownOption");
          break;
        }
        if (positions.length === 0) {
          answers.set(key, null);
          break;
        }
        const n = item.steps.length;
        const used = new Set(positions.map(([, p]) => p));
        const valid =
          positions.every(([, p]) => Number.isInteger(p) && p >= 1 && p <= n) && used.size === positions.length;
        if (!valid) {
          fail("badOrder");
          break;
        }
        // A half-ordered list (the reader is still choosing) changes nothing yet.
        if (positions.length !== n) break;
        answers.set(key, { type: "ordering", order: positions.sort((a, b) => a[1] - b[1]).map(([s]) => s) });
        break;
      }
    }
  }
  return { answers, errors };
}
