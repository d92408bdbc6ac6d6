// Targets (documented in docs/benchmarks.md) and the PASS/FAIL table. Benchmarks inform;
// they do not gate CI, so a FAIL never changes the exit code.
export const HTTP_TARGETS: Record<string, { p95Ms: number; minRps: number }> = {
  "GET /healthz": { p95Ms: 20, minRps: 300 },
  "GET /en (home)": { p95Ms: 50, minRps: 100 },
  "GET /en/courses (catalog)": { p95Ms: 50, minRps: 100 },
  "lesson page (signed in)": { p95Ms: 50, minRps: 100 },
};

export const QUIZ_TARGETS: Record<string, number> = { sqlite: 200, postgresql: 100 };

export type HttpRow =
  | { name: string; path: string; skipped: string }
  | {
      name: string;
      path: string;
      saturation: { rps: number; p50: number; p95: number; errors: number; requests: number };
      fixedRate: { rate: number; p50: number; p95: number; p99: number; max: number; errors: number; requests: number };
      target: { p95Ms: number; minRps: number };
      pass: boolean;
    };

export function httpVerdict(row: Extract<HttpRow, { saturation: unknown }>): boolean {
  return (
    row.fixedRate.errors === 0 &&
    row.saturation.errors === 0 &&
    row.fixedRate.p95 <= row.target.p95Ms &&
    row.saturation.rps >= row.target.minRps
  );
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function httpTable(rows: HttpRow[], rate: number, connections: number, bareRps: number): string {
  const share = (rps: number) => `${((rps / bareRps) * 100).toFixed(1)} %`;
  return table(
    [
      "endpoint",
      `req/s (${connections} conn)`,
      "of bare http",
      `p50 @${rate}/s`,
      `p95 @${rate}/s`,
      "errors",
      "target",
      "verdict",
    ],
    rows.map((r) =>
      "skipped" in r
        ? [r.name, "-", "-", "-", "-", "-", "-", `SKIPPED (${r.skipped})`]
        : [
            r.name,
            String(r.saturation.rps),
            share(r.saturation.rps),
            `${r.fixedRate.p50} ms`,
            `${r.fixedRate.p95} ms`,
            String(r.saturation.errors + r.fixedRate.errors),
            `p95 ≤ ${r.target.p95Ms} ms, ≥ ${r.target.minRps} req/s`,
            r.pass ? "PASS" : "FAIL",
          ],
    ),
  );
}

export type QuizRow = {
  provider: string;
  skipped?: string;
  learners?: number;
  startsPerSecond?: number;
  submitsPerSecond?: number;
  learnersPerSecond?: number;
  target?: number;
  pass?: boolean;
};

export function quizTable(rows: QuizRow[]): string {
  return table(
    ["quiz (module functions)", "learners", "starts/s", "submissions/s", "start+submit/s", "target", "verdict"],
    rows.map((r) =>
      r.skipped
        ? [r.provider, "-", "-", "-", "-", "-", `SKIPPED (${r.skipped})`]
        : [
            r.provider,
            String(r.learners),
            String(r.startsPerSecond),
            String(r.submitsPerSecond),
            String(r.learnersPerSecond),
            `≥ ${r.target} submissions/s`,
            r.pass ? "PASS" : "FAIL",
          ],
    ),
  );
}
