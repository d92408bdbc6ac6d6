// Issue 18's authorization matrix: every route of Remix's manifest × every caller × own /
// other / partner organization, each loader and action against the table in expectations.ts.
// A refused action must have written nothing (row counts of every domain table, before/after).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTATIONS, type Outcome, type RouteRow } from "./expectations.ts";
import { routeManifest, urlOf } from "./manifest.ts";
import { buildWorld, cookieOf, RELATIONS, WHO, type Relation, type World, type Who } from "./world.ts";
import { db } from "~/modules/db/index.server.ts";
import { resetDatabase } from "../../helpers/factories.ts";
import { makeRequest, run, type RouteResult } from "../../helpers/routes.ts";
import { domainCounts } from "./writes.ts";

const manifest = routeManifest();
let world: World;
const checked = { loader: 0, action: 0, emptyForm: 0 };

let rolesAtStart: string[];

/** Every role each caller holds: accepted actions must not hand callers new roles on the way. */
async function callerRoles() {
  const rows = await db.membershipRole.findMany({
    where: { membership: { userId: { in: Object.values(world.users) } } },
    select: { role: true, membership: { select: { userId: true, orgId: true } } },
  });
  return rows.map((r) => `${r.membership.userId}:${r.membership.orgId}:${r.role}`).sort();
}

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../../fixtures/content/valid");
  await resetDatabase();
  world = await buildWorld();
  rolesAtStart = await callerRoles();
}, 120_000);

afterAll(() => {
  const total = checked.loader + checked.action + checked.emptyForm;
  console.info(
    `authorization matrix: ${total} cells checked over ${manifest.length} routes ` +
      `(${checked.loader} loader, ${checked.action} action, ${checked.emptyForm} refused actions again with an empty form)`,
  );
});

type Handler = Parameters<typeof run>[0];
type Module = { loader?: Handler; action?: Handler };

let ipCounter = 0;
/** A different client address per call, so per-IP rate limits never answer for the rules. */
const context = () => {
  ipCounter += 1;
  return { clientIp: `10.18.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`, requestId: "matrix" };
};

// A guard's redirect: sign in and come back, or give the second factor.
// Re-authentication (decision 016) is a guard's redirect too: give the password again and come back.
const SIGN_IN = /^\/(en|es)\/(login\?redirectTo=|second-factor|confirm-access\?redirectTo=)/;

function outcomeOf({ status, location }: RouteResult): string {
  if (status >= 300 && status < 400) return location && SIGN_IN.test(location) ? "signin" : "redirect";
  if (status === 200) return "ok";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 400 || status === 409 || status === 422) return "invalid";
  return `status ${status}`;
}

/** `accepted` (an action past authorization) is any answer but a refusal or an error. */
const matches = (want: Outcome, got: string) =>
  want === "accepted" ? ["ok", "redirect", "invalid"].includes(got) : want === got;

function expected(row: RouteRow, kind: "loader" | "action", who: Who, relation: Relation): Outcome {
  const cell = row[kind]![who];
  return typeof cell === "string" ? cell : cell[relation];
}

const REFUSED: readonly string[] = ["signin", "forbidden", "notFound"];

describe("the route manifest", () => {
  it("has exactly the routes the table lists", () => {
    const inApp = manifest.map((r) => r.id);
    const listed = Object.keys(EXPECTATIONS).sort();
    expect({
      missingFromTable: inApp.filter((id) => !(id in EXPECTATIONS)),
      notInApp: listed.filter((id) => !inApp.includes(id)),
    }).toEqual({
      missingFromTable: [],
      notInApp: [],
    });
  });

  it.each(manifest.map((r) => [r.id, r] as const))("%s: the table covers its loader and action", async (_, route) => {
    const row = EXPECTATIONS[route.id];
    if (!row) return; // reported by the test above
    const mod = (await import(/* @vite-ignore */ route.file)) as Module;
    expect({ loader: Boolean(row.loader), action: Boolean(row.action) }).toEqual({
      loader: typeof mod.loader === "function",
      action: typeof mod.action === "function",
    });
  });
});

describe("every caller × relation", () => {
  it.each(manifest.filter((r) => EXPECTATIONS[r.id]).map((r) => [r.id, r] as const))(
    "%s",
    async (_, route) => {
      const row = EXPECTATIONS[route.id]!;
      const mod = (await import(/* @vite-ignore */ route.file)) as Module;
      const mismatches: string[] = [];
      for (const kind of ["loader", "action"] as const) {
        const handler = mod[kind];
        if (!row[kind] || !handler) continue;
        for (const who of WHO) {
          for (const relation of row.scoped ? RELATIONS : (["own"] as const)) {
            const ids = world.ids[relation];
            const params = row.params?.(ids, world, relation, kind) ?? {};
            const want = expected(row, kind, who, relation);
            const refused = kind === "action" && REFUSED.includes(want);
            const cell = `${kind} ${who} ${row.scoped ? relation : "-"}`;
            // A refused caller is refused before the form is read: with the route's form and
            // with an empty one alike, and nothing is written either way.
            const forms =
              kind === "loader"
                ? [undefined]
                : refused && row.form
                  ? [row.form(ids, world), {}]
                  : [row.form?.(ids, world) ?? {}];
            for (const [i, form] of forms.entries()) {
              const request = makeRequest(urlOf(route.pattern, params), {
                cookie: await cookieOf(world, who),
                method: kind === "action" ? "POST" : "GET",
                form,
              });
              const before = refused ? await domainCounts() : null;
              let got: string;
              try {
                got = outcomeOf(await run(handler, request, params, context()));
              } catch (error) {
                got = `threw ${(error as Error).message?.slice(0, 80)}`;
              }
              checked[i === 1 ? "emptyForm" : kind] += 1;
              const label = i === 0 ? cell : `${cell} (empty form)`;
              if (!matches(want, got)) mismatches.push(`${label}: expected ${want}, got ${got}`);
              if (before && JSON.stringify(await domainCounts()) !== JSON.stringify(before)) {
                mismatches.push(`${label}: wrote while refused`);
              }
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
});

describe("after the matrix", () => {
  it("every caller still holds exactly the roles the world gave them", async () => {
    expect(await callerRoles()).toEqual(rolesAtStart);
  });
});
