// The report of one run: ratios to the baselines measured in the same run, whether the run was
// disturbed, and the Markdown table (bench/README.md says how to read it). Benchmarks inform;
// nothing here changes the exit code.
import type { SaturationResult, LatencySummary } from "./load.ts";
import type { PageWeight } from "./page-weight.ts";
import type { BaselineKey } from "./scenarios.ts";

export type Phases = { saturation: SaturationResult; fixedRate: LatencySummary & { rate: number; exhausted: boolean } };

export type BaselineResult = {
  key: BaselineKey;
  name: string;
  before: Phases;
  after: Phases | null;
  /** Mean of the saturation figures before and after the scenarios: what ratios divide by. */
  rps: number;
};

export type ScenarioResult = {
  name: string;
  shows: string;
  baseline: string;
  ratioToBaseline: number | null;
  skipped?: string;
} & Partial<Phases>;

export type ExamResult = {
  learners: number;
  windowSeconds: number;
  finishedSeconds: number;
  requests: LatencySummary;
  learnerSeconds: { p50: number; p99: number; max: number };
  check: { attempts: number; gradedOnce: number; problems: string[] };
};

export type LoadAverage = [number, number, number];

/** Larger than this between the baseline before and after the scenarios: the machine changed under the run. */
export const DRIFT_LIMIT = 0.2;

export function meanRps(before: Phases, after: Phases | null): number {
  return after ? Math.round((before.saturation.rps + after.saturation.rps) / 2) : before.saturation.rps;
}

export function ratio(rps: number, baselineRps: number): number | null {
  return baselineRps > 0 ? Math.round((rps / baselineRps) * 10_000) / 10_000 : null;
}

/** Why the figures of this run should not be trusted on their own (empty: undisturbed). */
export function disturbances(cores: number, loadBefore: LoadAverage, baselines: readonly BaselineResult[]): string[] {
  const found: string[] = [];
  if (loadBefore[0] > cores)
    found.push(`load average ${loadBefore[0].toFixed(1)} before the start, above the ${cores} cores`);
  for (const b of baselines) {
    if (!b.after) continue;
    const [x, y] = [b.before.saturation.rps, b.after.saturation.rps];
    const drift = Math.abs(x - y) / Math.max(x, y, 1);
    if (drift > DRIFT_LIMIT)
      found.push(`${b.name}: ${x} req/s before, ${y} after (${Math.round(drift * 100)} % apart)`);
  }
  return found;
}

const ms = (n: number) => (Number.isFinite(n) ? `${n} ms` : "–");
const pct = (r: number | null) => (r === null ? "–" : `${(r * 100).toFixed(1)} %`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const statuses = (byStatus: Record<string, number>) => {
  const parts = Object.entries(byStatus).map(
    ([status, n]) => `${n} × ${status === "0" ? "no answer" : `HTTP ${status}`}`,
  );
  return parts.length ? ` (${parts.join(", ")})` : "";
};

function errorsCell(...phases: LatencySummary[]): string {
  const byStatus: Record<string, number> = {};
  for (const p of phases)
    for (const [status, n] of Object.entries(p.errorStatuses)) byStatus[status] = (byStatus[status] ?? 0) + n;
  const total = phases.reduce((sum, p) => sum + p.errors, 0);
  return `${total}${statuses(byStatus)}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export type Report = {
  date: string;
  commit: string | null;
  machine: {
    cores: number;
    cpu: string | null;
    node: string;
    loadAverage: { before: LoadAverage; atMeasureStart: LoadAverage; after: LoadAverage };
  };
  settings: { seconds: number; connections: number; rate: number; learners: number; lessons: number };
  disturbed: boolean;
  disturbances: string[];
  baselines: BaselineResult[];
  scenarios: ScenarioResult[];
  exam: ExamResult | { skipped: string };
  pageWeight: PageWeight | { skipped: string };
};

export function markdown(r: Report): string {
  const s = r.settings;
  const lines: string[] = [
    `# Benchmark ${r.date}${r.commit ? ` (commit ${r.commit})` : ""}`,
    "",
    `${r.machine.cores} cores (${r.machine.cpu ?? "unknown CPU"}), Node ${r.machine.node}; load average ` +
      `${r.machine.loadAverage.before.map((n) => n.toFixed(1)).join(" / ")} before, ` +
      `${r.machine.loadAverage.after.map((n) => n.toFixed(1)).join(" / ")} after (1 / 5 / 15 min).`,
    r.disturbed
      ? `**Disturbed run**: ${r.disturbances.join("; ")}. Compare ratios only, and with care.`
      : "Undisturbed run.",
    "",
    `Throughput: requests per second at saturation (${s.connections} connections, ${s.seconds} s). ` +
      `Latency: p50 / p95 / p99 at a fixed ${s.rate} requests per second (${s.seconds} s, open loop). ` +
      `${s.learners} signed-in learners and ${s.lessons} lessons in rotation.`,
    "",
    table(
      ["scenario", "req/s", "baseline", "ratio", `p50 @${s.rate}/s`, "p95", "p99", "errors"],
      r.scenarios.map((x) =>
        x.skipped || !x.saturation || !x.fixedRate
          ? [x.name, "–", x.baseline, "–", "–", "–", "–", `skipped: ${x.skipped ?? "no figures"}`]
          : [
              x.name,
              x.saturation.rps < s.rate ? `${x.saturation.rps} ‡` : String(x.saturation.rps),
              x.baseline,
              pct(x.ratioToBaseline),
              ms(x.fixedRate.p50),
              ms(x.fixedRate.p95),
              ms(x.fixedRate.p99),
              errorsCell(x.saturation, x.fixedRate),
            ],
      ),
    ),
    ...(r.scenarios.some((x) => x.saturation && x.saturation.rps < s.rate)
      ? ["", `‡ saturates below ${s.rate} requests per second: its latency figures are mostly queueing.`]
      : []),
    "",
    "Baselines, measured before and after the scenarios (ratios divide by the mean):",
    "",
    table(
      ["baseline", "req/s before", "req/s after", "mean", `p50 @${s.rate}/s`, "p99"],
      r.baselines.map((b) => [
        b.name,
        String(b.before.saturation.rps),
        b.after ? String(b.after.saturation.rps) : "–",
        String(b.rps),
        ms(b.before.fixedRate.p50),
        ms(b.before.fixedRate.p99),
      ]),
    ),
    "",
  ];
  const e = r.exam;
  if ("skipped" in e) lines.push(`Exam: skipped (${e.skipped}).`);
  else
    lines.push(
      `Everyone starts the exam at once: ${e.learners} learners arriving over ${e.windowSeconds} s, each ` +
        `starting, opening and submitting one quiz over HTTP; the last finished after ${e.finishedSeconds} s. ` +
        `Requests p50 / p95 / p99 ${ms(e.requests.p50)} / ${ms(e.requests.p95)} / ${ms(e.requests.p99)}, ` +
        `${e.requests.errors} errors of ${e.requests.requests}${statuses(e.requests.errorStatuses)}; ` +
        `start to graded per learner p50 ` +
        `${e.learnerSeconds.p50} s, p99 ${e.learnerSeconds.p99} s. Database after: ${e.check.attempts} attempts, ` +
        `${e.check.gradedOnce} graded exactly once` +
        (e.check.problems.length ? `; problems: ${e.check.problems.slice(0, 5).join("; ")}` : "") +
        ".",
    );
  lines.push("");
  const w = r.pageWeight;
  if ("skipped" in w) lines.push(`Page weight: skipped (${w.skipped}).`);
  else
    lines.push(
      `Lesson page \`${w.path}\`: document ${kb(w.documentBytes)} (${kb(w.documentGzipBytes)} gzipped as sent), ` +
        `of which ${kb(w.inlineScriptBytes)} inline script; ${w.scripts} script files, ` +
        `${kb(w.scriptBytes)} (${kb(w.scriptGzipBytes)} gzipped as sent).`,
    );
  return lines.join("\n") + "\n";
}
