// A small in-process HTTP load generator: keep-alive connections to 127.0.0.1 only, every
// loop bounded by a duration or a count. Throughput is measured at saturation (closed loop: N
// workers, each starts its next unit of work as soon as the last one is done); latency at a
// fixed rate below saturation (open loop: units start on schedule whether or not earlier ones
// have finished, and the first request's latency counts from the scheduled time, so a stalled
// server shows up in the percentiles instead of slowing the generator down).
import http from "node:http";

export type HttpRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** `ok: false` marks a reply with a fine status that is not the one expected (a 200 instead of a redirect). */
export type Sample = { ms: number; status: number; ok?: boolean };

/**
 * One unit of work — one request, or a learner's few requests in a row — returning one sample
 * per request, or null when there is no work left (a pool of quiz attempts ran out).
 * `scheduledAt` (performance.now() time) is set by the open loop.
 */
export type Work = (client: Client, scheduledAt?: number) => Promise<Sample[] | null>;

export type LatencySummary = {
  requests: number;
  errors: number;
  /** Failed requests by status; 0 is a network error or a request that gave up waiting. */
  errorStatuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

const isOk = (s: Sample) => s.ok ?? (s.status >= 200 && s.status < 400);

export function percentile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}

export function summarize(samples: readonly Sample[]): LatencySummary {
  const times = samples
    .filter(isOk)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const errorStatuses: Record<string, number> = {};
  for (const s of samples) if (!isOk(s)) errorStatuses[s.status] = (errorStatuses[s.status] ?? 0) + 1;
  return {
    requests: samples.length,
    errors: samples.length - times.length,
    errorStatuses,
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    p99: round(percentile(times, 0.99)),
    max: round(times.at(-1) ?? NaN),
  };
}

export class Client {
  readonly agent: http.Agent;
  constructor(
    readonly port: number,
    connections: number,
    readonly timeoutMs = 10_000,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /**
   * One request; status 0 for a network error, or when no answer has come `timeoutMs` after the
   * call (waiting for a free connection included, so an open loop always ends). The body is
   * kept only when asked for.
   */
  request(req: HttpRequest, options: { keepBody?: boolean } = {}): Promise<Reply> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      const failed = () => settle({ status: 0, headers: {}, body: Buffer.alloc(0) });
      const body = req.body === undefined ? undefined : Buffer.from(req.body);
      const outgoing = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method: req.method ?? "GET",
          path: req.path,
          headers: body ? { ...req.headers, "Content-Length": String(body.length) } : req.headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => {
            if (options.keepBody) chunks.push(c);
          });
          res.on("end", () =>
            settle({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on("error", failed);
        },
      );
      timer = setTimeout(() => outgoing.destroy(), this.timeoutMs);
      outgoing.on("error", failed);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * A unit of work of one request, taking the next request of a rotation each time. Only the
 * `expect`ed status counts as success: a signed-in page answered by a redirect to the sign-in
 * form is an error.
 */
export function oneRequest(next: () => HttpRequest, expect = 200): Work {
  return async (client, scheduledAt) => {
    const start = scheduledAt ?? performance.now();
    const { status } = await client.request(next());
    return [{ ms: performance.now() - start, status, ok: status === expect }];
  };
}

export type SaturationResult = LatencySummary & { rps: number; seconds: number; exhausted: boolean };

/** Closed loop with `workers` units in flight for `seconds`: successful requests per second. */
export async function saturate(client: Client, work: Work, workers: number, seconds: number) {
  const samples: Sample[] = [];
  let exhausted = false;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!exhausted && performance.now() < end) {
        const done = await work(client);
        if (!done) exhausted = true;
        else samples.push(...done);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const summary = summarize(samples);
  return {
    ...summary,
    rps: Math.round((summary.requests - summary.errors) / elapsed),
    seconds: Math.round(elapsed * 10) / 10,
    exhausted,
  } satisfies SaturationResult;
}

/**
 * Open loop: `rate` units per second for `seconds`; at most `maxInFlight` outstanding (a unit
 * that would exceed it is counted as one failed request and not sent).
 */
export async function fixedRate(client: Client, work: Work, rate: number, seconds: number, maxInFlight = 256) {
  const samples: Sample[] = [];
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  let inFlight = 0;
  let exhausted = false;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total && !exhausted; i++) {
    const scheduled = t0 + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      samples.push({ ms: NaN, status: 0 });
      continue;
    }
    inFlight++;
    pending.push(
      work(client, scheduled).then((done) => {
        inFlight--;
        if (!done) exhausted = true;
        else samples.push(...done);
      }),
    );
  }
  await Promise.all(pending);
  return { ...summarize(samples), rate, exhausted };
}
