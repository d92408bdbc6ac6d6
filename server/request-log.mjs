// One JSON line per request on stdout (pino), decision 017. What a line holds is chosen field
// by field — request id, method, route, status, duration, user id — and nothing else: no
// headers, cookies, query strings or bodies, so no password, token, TOTP code, answer or
// evidence reference can reach the log by being part of a request. The route is Remix's route
// id (`routes/$lang.join.$code`), never the path, which may carry a join code or an id.
import { createRequire } from "node:module";
import pino from "pino";

// The CommonJS build: the one decision 009's patch memoises (the ES build would flatten and
// rank the whole route tree again on every call).
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router");

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** `LOG_LEVEL` (default `info`); anything else is refused with one sentence. */
export function logLevelSetting(value) {
  const level = (value ?? "").trim().toLowerCase() || "info";
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; it is "${value}".`);
  }
  return level;
}

/**
 * The logger: asynchronous writes to stdout (pino's SonicBoom, no worker thread), so a request
 * never waits for the terminal or a full pipe. `destination` lets tests capture the lines.
 * @param {{ level?: string, destination?: import("pino").DestinationStream }} [options]
 */
export function createLogger({ level = "info", destination } = {}) {
  return pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

const trees = new WeakMap();

/** The build's flat route manifest as the nested tree React Router matches against (once per build). */
function routeTree(build) {
  let tree = trees.get(build);
  if (tree) return tree;
  const children = new Map();
  for (const route of Object.values(build.routes)) {
    const parent = route.parentId ?? "";
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(route);
  }
  const nest = (parentId) =>
    (children.get(parentId) ?? []).map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: route.index ? undefined : nest(route.id),
    }));
  tree = nest("");
  trees.set(build, tree);
  return tree;
}

// A match costs as much as one of the several Remix makes for the same request (measured
// equal); the paths most requested repeat, so answers are kept per build and path, at most
// MAX_REMEMBERED (emptied beyond that: paths are unbounded input).
const MAX_REMEMBERED = 2000;
const remembered = new WeakMap();

/** The Remix route id a path reaches (a single-fetch `.data` path: the page's), or null. */
export function routeIdOf(build, pathname) {
  let known = remembered.get(build);
  if (!known) remembered.set(build, (known = new Map()));
  if (known.has(pathname)) return known.get(pathname);
  const page = pathname.endsWith(".data") ? pathname.slice(0, -".data".length).replace(/^\/_root$/, "/") : pathname;
  const id = matchRoutes(routeTree(build), page)?.at(-1)?.route.id ?? null;
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(pathname, id);
  return id;
}

/**
 * Middleware logging each request when its response is done (or the client went away).
 * `res.locals.route` and `res.locals.userId` are filled in by later handlers when known;
 * a static file is named by its path (public files only).
 */
export function requestLog(logger) {
  return (req, res, next) => {
    if (!logger.isLevelEnabled("info")) return next();
    const started = performance.now();
    res.once("close", () => {
      logger.info({
        reqId: res.locals.requestId,
        method: req.method,
        route: res.locals.route ?? (res.locals.servedStatic ? req.path : "-"),
        ...(req.path.endsWith(".data") ? { data: true } : {}),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(res.locals.userId ? { userId: res.locals.userId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
