// The harness's own arithmetic: what counts as an error, what marks a run as disturbed, which
// scripts a page loads. The benchmark itself is `npm run bench`, never part of the test suite.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, fixedRate, oneRequest, saturate, summarize } from "./load.ts";
import { inlineScriptBytes, scriptUrlsOf, staticImports, stringsChunks } from "./page-weight.ts";
import { disturbances, markdown, meanRps, ratio, type BaselineResult, type Phases, type Report } from "./report.ts";

function phases(rps: number): Phases {
  const latency = { requests: 10, errors: 0, errorStatuses: {}, p50: 1, p95: 2, p99: 3, max: 4 };
  return {
    saturation: { ...latency, rps, seconds: 5, exhausted: false },
    fixedRate: { ...latency, rate: 50, exhausted: false },
  };
}

function baseline(name: string, before: number, after: number | null): BaselineResult {
  const b = phases(before);
  const a = after === null ? null : phases(after);
  return { key: "ok", name, before: b, after: a, rps: meanRps(b, a) };
}

describe("summarize", () => {
  it("counts a fine status that was not the expected one as an error, and leaves it out of the percentiles", () => {
    const s = summarize([
      { ms: 1, status: 200 },
      { ms: 2, status: 302, ok: false },
      { ms: 3, status: 500 },
      { ms: 4, status: 0 },
    ]);
    expect(s).toMatchObject({ requests: 4, errors: 3, errorStatuses: { 0: 1, 302: 1, 500: 1 }, p50: 1, p99: 1 });
  });
});

describe("ratios and disturbed runs", () => {
  it("divides by the mean of the baseline before and after", () => {
    const b = baseline("ok", 1000, 3000);
    expect(b.rps).toBe(2000);
    expect(ratio(100, b.rps)).toBe(0.05);
    expect(ratio(100, 0)).toBeNull();
  });

  it("marks a run whose load average exceeds the cores, or whose baseline moved by more than 20 %", () => {
    expect(disturbances(2, [1.5, 1, 1], [baseline("ok", 1000, 900)])).toEqual([]);
    expect(disturbances(2, [1.5, 1, 1], [baseline("ok", 1000, null)])).toEqual([]);
    const found = disturbances(2, [2.5, 1, 1], [baseline("ok", 1000, 790), baseline("react", 100, 100)]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/load average 2\.5/);
    expect(found[1]).toMatch(/^ok: 1000 req\/s before, 790 after \(21 % apart\)/);
  });

  it("writes one table row per scenario with its ratio, and says why a scenario was skipped", () => {
    const report: Report = {
      date: "2026-12-05T12:00:00.000Z",
      commit: "abc1234",
      machine: {
        cores: 2,
        cpu: "cpu",
        node: "v20",
        loadAverage: { before: [1, 1, 1], atMeasureStart: [1, 1, 1], after: [1, 1, 1] },
      },
      settings: { seconds: 5, connections: 16, rate: 50, learners: 120, lessons: 51 },
      disturbed: false,
      disturbances: [],
      baselines: [baseline("React baseline, lesson", 4000, 4000)],
      scenarios: [
        {
          name: "lesson (signed in, one language)",
          shows: "",
          baseline: "React baseline, lesson",
          ratioToBaseline: 0.025,
          ...phases(100),
        },
        { name: "slow page", shows: "", baseline: "React baseline, lesson", ratioToBaseline: 0.001, ...phases(4) },
        {
          name: "new page",
          shows: "",
          baseline: "React baseline, lesson",
          ratioToBaseline: null,
          skipped: "404: route not there yet",
        },
      ],
      exam: { skipped: "BENCH_SKIP_EXAM" },
      pageWeight: { skipped: "HTTP 500" },
    };
    const md = markdown(report);
    expect(md).toContain(
      "| lesson (signed in, one language) | 100 | React baseline, lesson | 2.5 % | 1 ms | 2 ms | 3 ms | 0 |",
    );
    expect(md).toContain("| slow page | 4 ‡ |");
    expect(md).toContain(
      "| new page | – | React baseline, lesson | – | – | – | – | skipped: 404: route not there yet |",
    );
    expect(md).toContain("Undisturbed run.");
  });
});

describe("the scripts a page loads", () => {
  const page = `<html><head><link rel="modulepreload" href="/build/manifest-1.js"/><link rel="stylesheet" href="/a.css"/></head>
<body><script>window.__remixContext = {"state":{"loaderData":{}}};</script>
<script type="module" async="">import "/build/manifest-1.js";
import * as route0 from "/build/root-2.js";
import * as route1 from "/build/routes/lesson-3.js";
window.__remixRouteModules = {"root":route0};</script><script src="/legacy.js"></script></body></html>`;

  it("finds script src, modulepreload links and the imports of inline modules", () => {
    expect(scriptUrlsOf(page).sort()).toEqual(
      ["/build/manifest-1.js", "/build/root-2.js", "/build/routes/lesson-3.js", "/legacy.js"].sort(),
    );
    expect(inlineScriptBytes(page)).toBeGreaterThan(100);
  });

  it("follows static imports of minified modules, not dynamic ones", () => {
    const code = `import{a as b,c$}from"/build/_shared/chunk-A.js";export{d}from"./chunk-B.js";export*from"./chunk-C.js";const x=()=>import("./lazy.js");`;
    expect(staticImports(code).sort()).toEqual(["./chunk-B.js", "./chunk-C.js", "/build/_shared/chunk-A.js"]);
  });

  it("counts the strings chunks <html data-strings> names, found through the metafile", () => {
    const metafile = {
      outputs: {
        "public/build/_shared/common-A.js": { entryPoint: "app/modules/i18n/resources/en/common.ts" },
        "public/build/_shared/common-B.js": { entryPoint: "app/modules/i18n/resources/es/common.ts" },
        "public/build/_shared/learning-C.js": { entryPoint: "app/modules/i18n/resources/es/learning.ts" },
        "public/build/_shared/quiz-D.js": { entryPoint: "app/modules/i18n/resources/en/quiz.ts" },
      },
    };
    const html = `<html data-strings="en:common es:learning" lang="en"><body></body></html>`;
    expect(stringsChunks(html, metafile).sort()).toEqual([
      "/build/_shared/common-A.js",
      "/build/_shared/learning-C.js",
    ]);
    expect(() => stringsChunks(`<html data-strings="en:gone">`, metafile)).toThrow();
  });
});

describe("the load generator", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/moved") res.writeHead(302, { Location: "/" }).end();
      else if (req.url === "/never")
        return; // a server that never answers
      else res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("counts only the expected status as success, at saturation and at a fixed rate", async () => {
    const client = new Client(port, 4);
    const ok = await saturate(
      client,
      oneRequest(() => ({ path: "/" })),
      4,
      0.3,
    );
    expect(ok.requests).toBeGreaterThan(0);
    expect(ok.errors).toBe(0);
    const moved = await fixedRate(
      client,
      oneRequest(() => ({ path: "/moved" })),
      50,
      0.2,
    );
    expect(moved).toMatchObject({ requests: 10, errors: 10 });
    client.close();
  });

  it("gives up on a request that has no answer after the timeout, time waiting for a connection included", async () => {
    const client = new Client(port, 1, 200);
    const t0 = performance.now();
    const replies = await Promise.all([client.request({ path: "/never" }), client.request({ path: "/" })]);
    expect(replies.map((r) => r.status)).toEqual([0, 0]);
    expect(performance.now() - t0).toBeLessThan(1000);
    client.close();
  });

  it("stops when the work runs out", async () => {
    const client = new Client(port, 2);
    let left = 5;
    const work = oneRequest(() => ({ path: "/" }));
    const result = await saturate(client, (c) => (left-- > 0 ? work(c) : Promise.resolve(null)), 2, 5);
    expect(result.exhausted).toBe(true);
    expect(result.requests).toBe(5);
    expect(result.seconds).toBeLessThan(2);
    client.close();
  });
});
