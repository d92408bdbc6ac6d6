// What the hostile-input suite sends where. Every route of Remix's manifest (authz/manifest.ts)
// with an action is a form target and every route with a loader a query target, with the
// params and the caller the authorization table (authz/expectations.ts) already gives: the first
// caller the table lets act, so that validation, not permission, is what answers. Field and
// query names are read from the route's folder and from the zod schemas it imports, so a new
// route or field is fuzzed without an edit; EXTRAS adds what no source names literally.
import fs from "node:fs";
import path from "node:path";
import { db } from "~/modules/db/index.server.ts";
import { EXPECTATIONS, type Cells, type RouteRow } from "../authz/expectations.ts";
import { APP_DIR, routeManifest, type ManifestRoute } from "../authz/manifest.ts";
import { WHO, type World, type Who } from "../authz/world.ts";
import type { Answer } from "./answer.ts";

export type Kind = "action" | "loader";

export type Target = {
  route: ManifestRoute;
  row: RouteRow;
  who: Who;
  /** Field names (actions) or query names (loaders). */
  names: string[];
  intents: string[];
  /** A resource route: no page, its answer is its body (JSON, a file, a redirect). */
  resource: boolean;
};

/** Routes that cannot be fuzzed here, with the reason; the suite fails for any other gap. */
export const NOT_FUZZED: Record<string, string> = {
  "routes/$lang.account.recovery-codes":
    "reads no field: it makes new recovery codes for the signed-in person right after re-authentication (the authorization matrix covers who may)",
};

type Extra = {
  names?: string[];
  intents?: string[];
  /** Names that depend on the world (the open attempt's question keys). */
  worldNames?: (world: World) => Promise<{ names: string[]; ids: string[] }>;
  /** Put the world back before each input when an accepted one closes what the route acts on. */
  restore?: (world: World) => Promise<void>;
  /**
   * After an accepted input: what the route stored, read back, must be what was sent (as the
   * server received it, trimmed as its schema trims). Returns the difference, or null.
   */
  stored?: (sent: (name: string) => string, answer: Answer, world: World) => Promise<string | null>;
};

const differs = (what: string, want: string, got: string | null | undefined) =>
  got === want
    ? null
    : `${what} stored ${JSON.stringify(got?.slice(0, 60))}, sent ${JSON.stringify(want.slice(0, 60))}`;

const storedCohort: Extra["stored"] = async (sent, answer) => {
  const id = /\/cohorts\/([^/?]+)\?done=created/.exec(answer.location ?? "")?.[1];
  if (!id) return null;
  const cohort = await db.cohort.findUnique({ where: { id }, select: { name: true } });
  return differs("cohort name", sent("name").trim(), cohort?.name);
};

const storedOrg: Extra["stored"] = async (sent) => {
  const org = await db.organization.findFirst({
    where: { slug: sent("slug").trim().toLowerCase() },
    select: { name: true },
  });
  return differs("organization name", sent("name").trim(), org?.name);
};

const storedName: Extra["stored"] = async (sent, answer, world) => {
  if (!answer.location?.includes("saved=1")) return null;
  const user = await db.user.findUnique({ where: { id: world.users.learner }, select: { name: true } });
  return differs("account name", sent("name").trim(), user?.name);
};

async function attemptFields(world: World) {
  const attempt = await db.quizAttempt.findUniqueOrThrow({
    where: { id: world.ids.own.openAttempt },
    select: { snapshot: true },
  });
  const names: string[] = [];
  const ids: string[] = [];
  const walk = (node: unknown, key: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const own = typeof o.key === "string" ? o.key : key;
    if (typeof o.key === "string") names.push(o.key);
    if (typeof o.id === "string" && own) {
      ids.push(o.id);
      names.push(`${own}.${o.id}`);
    }
    for (const v of Object.values(o)) walk(v, own);
  };
  walk(JSON.parse(attempt.snapshot), null);
  return { names: [...new Set(names)].slice(0, 24), ids: [...new Set(ids)] };
}

/** An accepted submit closes the attempt: open it again so every input meets validation. */
async function reopenAttempt(world: World) {
  const id = world.ids.own.openAttempt;
  const row = await db.quizAttempt.findUniqueOrThrow({
    where: { id },
    select: { submittedAt: true, userId: true, quizId: true },
  });
  if (!row.submittedAt) return;
  await db.quizAttempt.update({
    where: { id },
    data: {
      submittedAt: null,
      status: "in_progress",
      openKey: `${row.userId}:${row.quizId}`,
      scorePoints: null,
      percent: null,
      passed: null,
      deadlineAt: null,
    },
    select: { id: true },
  });
}

const attempt: Extra = { worldNames: attemptFields, restore: reopenAttempt };

export const EXTRAS: Record<string, Extra> = {
  "routes/$lang.orgs.$orgId.cohorts.new": { stored: storedCohort },
  "routes/$lang.orgs._index": { stored: storedOrg },
  "routes/$lang.account._index": { stored: storedName },
  "routes/$lang.signup": { names: ["name", "email", "password", "language", "privacy"] },
  "routes/$lang.join.$code": { names: ["name", "email", "password", "language", "privacy"] },
  "routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt._index": attempt,
  "routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.answers": attempt,
  "routes/$lang.courses_.$course_.quizzes.$quiz.accommodations": { names: ["extraMinutes", "multiplier"] },
  "routes/$lang.vetting._index": { names: ["org", "profile", "status", "country", "sort", "dir", "page"] },
  "routes/$lang.orgs.$orgId.cohorts.$cohortId._index": { names: ["page", "sort", "dir", "status", "org", "q"] },
  "routes/$lang.admin.audit._index": { names: ["action", "prefix", "from", "to", "subject", "actor", "page"] },
  "routes/$lang.admin.audit.export": { names: ["action", "prefix", "from", "to", "subject", "actor"] },
  "routes/$lang.admin.users._index": { names: ["q", "page", "status"] },
  "routes/verify.$id": { names: ["name", "lang"] },
};

// --- reading names from sources

const read = (file: string) => fs.readFileSync(file, "utf8");
const sourcesOf = (route: ManifestRoute) => {
  const dir = path.dirname(route.file);
  return fs
    .readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
    .map((f) => read(path.join(dir, f)))
    .join("\n");
};

let schemaKeys: Map<string, string[]> | undefined;

/** The top-level keys of every `export const xSchema = z.object({ … })` in the modules. */
function schemas(): Map<string, string[]> {
  if (schemaKeys) return schemaKeys;
  schemaKeys = new Map();
  const modules = path.join(APP_DIR, "modules");
  for (const area of fs.readdirSync(modules)) {
    const dir = path.join(modules, area);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => /^[\w-]+\.ts$/.test(f) && !f.includes(".test."))) {
      const text = read(path.join(dir, file));
      for (const m of text.matchAll(/export const (\w+) = z\s*\.object\(\{([\s\S]*?)\n\}\)/g)) {
        schemaKeys.set(
          m[1]!,
          [...m[2]!.matchAll(/^ {2}(\w+):/gm)].map((k) => k[1]!),
        );
      }
    }
  }
  return schemaKeys;
}

const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!);

export function namesIn(source: string, kind: Kind): { names: string[]; intents: string[] } {
  const query = matches(source, /searchParams\.get(?:All)?\("(\w+)"\)/g);
  if (kind === "loader") return { names: query, intents: [] };
  const names = [
    ...matches(source, /name="([\w.[\]-]+)"/g),
    ...matches(source, /form(?:Data)?\.get(?:All)?\("(\w+)"\)/g),
    ...matches(source, /fields\.(\w+)/g).filter((n) => n !== "tsx"),
    ...matches(source, /\b(\w+Schema)\b/g).flatMap((s) => schemas().get(s) ?? []),
  ];
  const intents = [
    ...matches(source, /value="([\w-]+)"/g),
    ...matches(source, /intent === "([\w-]+)"/g),
    ...matches(source, /case "([\w-]+)":/g),
  ];
  return { names: [...new Set(names)], intents: [...new Set(intents)].filter((i) => i !== "string") };
}

/** The first caller (in the matrix's order) the table lets through on the route's own objects. */
function callerFor(cells: Cells, kind: Kind): Who | null {
  const want = kind === "action" ? "accepted" : "ok";
  const ok = (c: Cells[Who]) => (typeof c === "string" ? c : c.own) === want;
  return (
    WHO.find((w) => ok(cells[w])) ??
    WHO.find((w) => (typeof cells[w] === "string" ? cells[w] : cells[w].own) === "redirect") ??
    null
  );
}

export function targets(kind: Kind): { targets: Target[]; unlisted: string[] } {
  const found: Target[] = [];
  const unlisted: string[] = [];
  for (const route of routeManifest()) {
    const row = EXPECTATIONS[route.id];
    const cells = row?.[kind];
    if (!row || !cells || NOT_FUZZED[route.id]) continue;
    const who = callerFor(cells, kind);
    if (!who) {
      unlisted.push(route.id);
      continue;
    }
    const scraped = namesIn(sourcesOf(route), kind);
    const extra = EXTRAS[route.id];
    found.push({
      route,
      row,
      who,
      names: [...new Set([...scraped.names, ...(extra?.names ?? [])])],
      intents: [...new Set([...scraped.intents, ...(extra?.intents ?? [])])],
      resource: !/^export default /m.test(read(route.file)),
    });
  }
  return { targets: found, unlisted };
}
