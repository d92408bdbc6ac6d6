// Small shared pieces of the hostile-input suite: how many runs, which ids to send, the tally.
import { withoutNul } from "../../../server/guards.mjs";
import type { World } from "../authz/world.ts";
import type { Answer } from "./answer.ts";

/** Runs per form or endpoint: FUZZ_RUNS, never below 1,000 in CI (issue 18). */
// CI draws the same inputs every run, so a run that passed on a change passes again on the
// same commit (a red CI blocks everything); new seeds are drawn by every run outside CI.
const CI_SEED = 20261206;

/**
 * The seed for fc.assert: FUZZ_SEED (and FUZZ_PATH) replay a failure fast-check printed
 * (`{ seed: …, path: "…" }`); in CI a fixed seed; otherwise a new one each run.
 */
export function replay(): { seed?: number; path?: string } {
  const seed = Number(process.env.FUZZ_SEED);
  if (!Number.isInteger(seed)) return process.env.CI ? { seed: CI_SEED } : {};
  return process.env.FUZZ_PATH ? { seed, path: process.env.FUZZ_PATH } : { seed };
}

export function runs(fallback = 1000): number {
  const asked = Number(process.env.FUZZ_RUNS ?? fallback);
  const n = Number.isFinite(asked) && asked > 0 ? Math.floor(asked) : fallback;
  return process.env.CI ? Math.max(n, 1000) : n;
}

/** Ids worth sending anywhere: every organization's objects, and ids of nothing. */
export function idsOf(world: World): string[] {
  const all = Object.values(world.ids).flatMap((ids) => Object.values(ids));
  return [...new Set([...all, ...Object.values(world.users), "cl00000000000000000000000", "nonexistent"])];
}

export type Tally = { inputs: number; accepted: number; refused: number; unreached: number };

// A guard's redirect (sign in, second factor, re-authenticate), a 403 or a rate limit: the input
// never met validation.
const GUARD = /^\/(en|es)\/(login\?redirectTo=|second-factor|confirm-access\?redirectTo=)/;

export function tally(t: Tally, answer: Answer, refused: boolean): keyof Omit<Tally, "inputs"> {
  t.inputs += 1;
  const kind =
    answer.status === 403 || answer.status === 429 || GUARD.test(answer.location ?? "")
      ? "unreached"
      : refused
        ? "refused"
        : "accepted";
  t[kind] += 1;
  return kind;
}

/** A URL cannot carry a lone surrogate (encodeURIComponent throws): the browser sends U+FFFD. */
export const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** A value as the app receives it in a URL: well formed, and without NUL (server.mjs drops `%00`). */
export const inUrl = (s: string) => decodeURIComponent(withoutNul(encodeURIComponent(wellFormed(s))));

/** The params with one of them (never the language) replaced by `value`, when there is one. */
export function withParam(params: Record<string, string>, value: string | null): Record<string, string> {
  const names = Object.keys(params).filter((k) => k !== "lang");
  if (value === null || names.length === 0) return params;
  return { ...params, [names[value.length % names.length]!]: value };
}
