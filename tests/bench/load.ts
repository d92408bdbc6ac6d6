// A small in-process HTTP load generator: keep-alive connections to 127.0.0.1 only, every
// loop bounded by a duration. Throughput is measured at saturation (closed loop: N
// connections, each sends its next request as soon as the last one answers); latency at a
// fixed rate below saturation (open loop: requests leave on schedule whether or not earlier
// ones have answered, and latency counts from the scheduled time, so a stall is not hidden).
import http from "node:http";

export type Target = { path: string; headers?: Record<string, string> };

export type Sample = { ms: number; status: number };

export type LatencySummary = { requests: number; errors: number; p50: number; p95: number; p99: number; max: number };

export function summarise(samples: Sample[]): LatencySummary {
  const ok = samples.filter((s) => s.status >= 200 && s.status < 400);
  const times = ok.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))]! : NaN);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: samples.length,
    errors: samples.length - ok.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(times.at(-1) ?? NaN),
  };
}

export class Client {
  readonly agent: http.Agent;
  constructor(
    readonly port: number,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /** One GET; resolves with its status (0 for a network error) and drains the body. */
  get(target: Target, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
    return new Promise((resolve) => {
      const req = http.get(
        {
          host: "127.0.0.1",
          port: this.port,
          path: target.path,
          headers: target.headers,
          agent: this.agent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", () => resolve({ status: 0, body: "" }));
        },
      );
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve({ status: 0, body: "" }));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Closed loop with `connections` in flight for `seconds`: requests per second and latencies. */
export async function saturate(client: Client, target: Target, connections: number, seconds: number) {
  const samples: Sample[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        const { status } = await client.get(target);
        samples.push({ ms: performance.now() - start, status });
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const summary = summarise(samples);
  return { ...summary, rps: Math.round((summary.requests - summary.errors) / elapsed) };
}

/** Open loop at `rate` requests per second for `seconds`; at most `maxInFlight` outstanding (the rest count as errors). */
export async function fixedRate(client: Client, target: Target, rate: number, seconds: number, maxInFlight = 256) {
  const samples: Sample[] = [];
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      samples.push({ ms: NaN, status: 0 });
      continue;
    }
    inFlight++;
    pending.push(
      client.get(target).then(({ status }) => {
        inFlight--;
        samples.push({ ms: performance.now() - scheduled, status });
      }),
    );
  }
  await Promise.all(pending);
  return { ...summarise(samples), rate };
}
