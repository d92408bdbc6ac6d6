// Issue 18, hostile input on the read side: every loader of Remix's manifest gets hostile query
// strings (the names its folder reads, EXTRAS' filters/paging/sort, and names nobody reads) and
// now and then a hostile id in the URL, in /en and /es, as a caller the authorization table lets
// open it. The JSON endpoints (status lists, credential and achievement JSON, did.json, health)
// get FUZZ_RUNS each (≥ 1,000 in CI; the quiz autosave is an action: forms.ts), pages that read a
// query (search, filters, paging, sort) a quarter, other pages a twentieth. Never a 500; a
// redirect stays on the site; a refusal carries words in the URL's language; reading writes nothing.
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { resetDatabase } from "../../helpers/factories.ts";
import { urlOf } from "../authz/manifest.ts";
import { buildWorld, cookieOf, type World } from "../authz/world.ts";
import { domainCounts } from "../authz/writes.ts";
import { call, problemsOf, type Handler } from "./answer.ts";
import { hostileText, plausible } from "./hostile.ts";
import { targets, type Target } from "./targets.ts";
import { report } from "./report.ts";
import { idsOf, inUrl, replay, runs, tally, withParam, type Tally } from "./support.ts";

// Query names worth trying on any page: what other pages read, so a page that starts reading
// one later is already fuzzed with it.
const POOL = ["q", "page", "sort", "dir", "status", "org", "profile", "country", "from", "to", "redirectTo", "lang"];

const { targets: all } = targets("loader");

/** Machine-facing resource routes, outside /en and /es: the JSON endpoints issue 18 counts. */
export const isEndpoint = (t: Target) =>
  t.resource && !t.route.id.startsWith("routes/$lang") && t.route.id !== "routes/_index";

function runsFor(t: Target): number {
  if (isEndpoint(t)) return runs();
  return t.names.length > 0 ? Math.ceil(runs() / 4) : Math.ceil(runs() / 20);
}

/**
 * Pages whose reading writes on purpose, and the tables it may write: the enrolment page makes
 * the pending authenticator it shows (one per person, replaced on each visit).
 */
const WRITES_ON_READ: Record<string, string[]> = { "routes/$lang.second-factor_.enrol": ["SecondFactor"] };

const without = (counts: Record<string, unknown>, tables: string[] = []) =>
  Object.fromEntries(Object.entries(counts).filter(([t]) => !tables.includes(t)));

export function fuzzQueries(shard: number, of: number) {
  const loaders = all.filter((_, i) => i % of === shard);
  let world: World;
  const total: Tally = { inputs: 0, accepted: 0, refused: 0, unreached: 0 };
  const findings: string[] = [];

  beforeAll(async () => {
    process.env.CONTENT_DIR = path.resolve(__dirname, "../../fixtures/content/valid");
    await resetDatabase();
    world = await buildWorld();
  }, 120_000);

  afterAll(() => {
    console.info(
      `hostile queries (part ${shard + 1} of ${of}): ${total.inputs} inputs over ${loaders.filter(isEndpoint).length} ` +
        `JSON endpoints and ${loaders.filter((t) => !isEndpoint(t)).length} pages' query strings`,
    );
    report(`queries-${shard + 1}` as "queries-1", {
      inputs: total.inputs,
      forms: 0,
      endpoints: loaders.filter(isEndpoint).length,
      pages: loaders.filter((t) => !isEndpoint(t)).length,
    });
    if (findings.length) console.info(`hostile input findings:\n${[...new Set(findings)].join("\n")}`);
  });

  describe("hostile query strings", () => {
    it.each(loaders.map((t) => [t.route.id, t] as const))(
      "%s",
      async (_, target) => {
        const mod = (await import(/* @vite-ignore */ target.route.file)) as { loader: Handler };
        const ids = idsOf(world);
        const names = [...new Set([...target.names, ...POOL])];
        const base = target.row.params?.(world.ids.own, world, "own", "loader") ?? {};
        const resource = target.resource;
        const before = await domainCounts();
        const mine: Tally = { inputs: 0, accepted: 0, refused: 0, unreached: 0 };
        let cookie: string | null | undefined;
        const value = (name: string) =>
          fc.oneof(
            plausible(name, ids, []),
            hostileText.map((s) => inUrl(s.slice(0, 4000))),
          );
        const query = fc
          .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string() }), {
            maxLength: 5,
          })
          .chain((keys) => fc.tuple(...keys.map((k) => value(k).map((v) => [k, v] as [string, string]))));
        const input = fc.record({
          lang: fc.constantFrom<Lang>("en", "es"),
          query,
          param: fc.option(fc.oneof(fc.constantFrom(...ids), hostileText.map(inUrl)), { freq: 6 }),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ lang, query: pairs, param }) => {
            cookie ??= await cookieOf(world, target.who);
            const params = withParam({ ...base, ...("lang" in base ? { lang } : {}) }, param);
            const url = new URL(urlOf(target.route.pattern, params), "http://localhost:3000");
            for (const [k, v] of pairs) url.searchParams.append(inUrl(k), inUrl(v));
            const request = new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
            const answer = await call(mod.loader, request, params);
            const problems = problemsOf(answer, isLang(params.lang) ? params.lang : null, resource);
            if (tally(mine, answer, answer.status >= 400) === "unreached") cookie = undefined;
            if (problems.length) findings.push(`${target.route.id}: ${problems.join("; ")}`);
            return problems.length === 0 || Boolean(process.env.FUZZ_COLLECT);
          }),
          { numRuns: runsFor(target), ...replay() },
        );
        for (const k of Object.keys(mine) as (keyof Tally)[]) total[k] += mine[k];
        // Reading writes nothing (the session and rate-limit bookkeeping aside, writes.ts).
        const writes = WRITES_ON_READ[target.route.id];
        expect(without(await domainCounts(), writes)).toEqual(without(before, writes));
        expect(mine.unreached, `${mine.unreached} of ${mine.inputs} stopped by a guard`).toBeLessThan(mine.inputs / 2);
      },
      600_000,
    );
  });
}
