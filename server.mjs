// The HTTP server: Express around Remix's request handler. It exists (instead of
// remix-serve) for what Remix cannot do from a route: refuse cross-site form posts and
// oversized bodies before any action runs, and hand the client's IP to the rate limiters.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
// Not re-exported by the package's index, but part of its (pinned) API surface.
import remixExpress from "@remix-run/express/dist/server.js";
import { broadcastDevReady, createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { isClusterPrimary, runPrimary, workerCount } from "./server/cluster.mjs";
import { bodyLimitFor, isCrossSite, readBodyWithin, trustProxySetting, nulFreeUrl } from "./server/guards.mjs";
import { createLogger, logLevelSetting, requestLog, routeIdOf } from "./server/request-log.mjs";
import { cacheControlFor, securityHeaders } from "./server/security.mjs";

const { createRemixRequest, sendRemixResponse } = remixExpress;

const BUILD_PATH = path.resolve("build/index.js");
const isDev = process.env.NODE_ENV === "development";

// More than one process (server/cluster.mjs): the primary starts the workers and does nothing
// else; each worker runs the rest of this file.
let workers;
try {
  workers = isDev ? 1 : workerCount();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (workers > 1 && isClusterPrimary) {
  runPrimary(workers);
  // The primary never serves; runPrimary ends the process when the workers stop.
  await new Promise(() => {});
}
const reportsStartup = (process.env.PUENTE_WORKER_INDEX ?? "1") === "1";

let trustProxy;
let logLevel;
try {
  trustProxy = trustProxySetting(process.env.TRUST_PROXY);
  logLevel = logLevelSetting(process.env.LOG_LEVEL);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const FALLBACK_REFUSAL = {
  403: "This form was sent from another site and was refused.\nEste formulario se envió desde otro sitio y fue rechazado.\n",
  413: "The request is larger than this server accepts.\nLa solicitud es más grande de lo que este servidor acepta.\n",
};

function decodeURIComponentSafe(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function allowedOrigins(req) {
  const origins = new Set([`${req.protocol}://${req.get("host")}`]);
  if (process.env.APP_URL) origins.add(new URL(process.env.APP_URL).origin);
  return origins;
}

async function loadBuild() {
  return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

let build;
try {
  build = await loadBuild();
} catch (error) {
  // Content problems arrive as one readable list of file:line messages; print just that.
  console.error(error instanceof Error && error.name === "ContentError" ? error.message : error);
  process.exit(1);
}

const logger = createLogger({ level: logLevel });

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxy);
// First, so that static files, refusals and errors get an id, a log line and the headers too.
app.use((req, res, next) => {
  res.locals.requestId = crypto.randomUUID();
  res.set("X-Request-Id", res.locals.requestId);
  next();
});
app.use(requestLog(logger));
app.use(nulFreeUrl);
app.use(securityHeaders({ isDev }));
// Health checks skip Remix (no session, page or language): decision 019.
app.get("/healthz", async (req, res, next) => {
  try {
    res.locals.route = "healthz";
    const report = await build.entry.module.healthReport();
    res.status(report.status).set(report.headers).json(report.body);
  } catch (error) {
    next(error);
  }
});
// From 200 bytes, not compression's default 1 KB: a lesson page loads a dozen small script
// chunks (200 B – 1 KB) that went out unzipped (1.6 KB of its JavaScript; bench/CHANGES.md).
app.use(compression({ threshold: 200 }));
const serveBuild = express.static("public/build", { immutable: true, maxAge: "1y" });
app.use("/build", (req, res, next) => {
  res.locals.servedStatic = true;
  serveBuild(req, res, next);
});
// Only paths naming a file or folder of public/ reach the static handler: it would otherwise
// stat a missing file for every page request (about 7 % of the app's CPU under load).
const publicEntries = new Set(fs.readdirSync("public").filter((name) => name !== "build"));
const servePublic = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => {
  const first = req.path.split("/", 2)[1];
  if (first && publicEntries.has(decodeURIComponentSafe(first))) {
    res.locals.servedStatic = true;
    return servePublic(req, res, next);
  }
  next();
});

/**
 * A refusal as a page in the site's layout: the app renders its `/{lang}/refused` page with the
 * refusal in the load context, so it looks and reads like every other error page. Should that
 * fail, a small translated page from the build (entry.server), or plain bilingual text.
 */
async function refuse(res, req, refusal) {
  res.status(refusal.status).set("Cache-Control", "no-store");
  res.locals.route = `refused:${refusal.reason}`;
  const entry = build.entry.module;
  if (typeof entry.renderRefusal !== "function") {
    res.type("text/plain; charset=utf-8").send(FALLBACK_REFUSAL[refusal.status]);
    return;
  }
  const lang = entry.refusalLang(req.path, req.get("accept-language"));
  try {
    const headers = new Headers();
    for (const name of ["cookie", "accept-language", "user-agent"]) {
      if (req.get(name)) headers.set(name, req.get(name));
    }
    const page = new Request(new URL(`/${lang}/refused`, `${req.protocol}://${req.get("host")}`), { headers });
    const response = await remixHandler(page, loadContextFor(req, res, refusal));
    if (response.status === refusal.status) {
      // Once: sendRemixResponse appends the response's headers to what `res` already has.
      res.removeHeader("Cache-Control");
      response.headers.set("Cache-Control", "no-store");
      await sendRemixResponse(res, response);
      return;
    }
  } catch {
    // fall through to the build's small page
  }
  // Its one inline <style> carries the request's nonce (server/security.mjs).
  const page = entry.renderRefusal(refusal, lang).replace("<style>", `<style nonce="${res.locals.cspNonce}">`);
  res.type("text/html; charset=utf-8").send(page);
}

const loadContextFor = (req, res, refusal) => ({
  clientIp: req.ip ?? "unknown",
  requestId: res.locals.requestId,
  cspNonce: res.locals.cspNonce,
  ...(refusal ? { refusal } : {}),
});

app.use((req, res, next) => {
  const crossSite = isCrossSite({
    method: req.method,
    secFetchSite: req.get("sec-fetch-site"),
    origin: req.get("origin"),
    allowedOrigins: allowedOrigins(req),
  });
  if (crossSite) return refuse(res, req, { status: 403, reason: "crossSite" }).catch(next);
  next();
});

// Bodies are read here, within the limit for their kind of request, before Remix sees them:
// a 200 MB post is refused after its first megabyte instead of being buffered by an action.
app.use(async (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path);
  try {
    const body = await readBodyWithin(req, limit.bytes);
    if (body) {
      res.locals.body = body;
      return next();
    }
  } catch (error) {
    return next(error);
  }
  res.set("Connection", "close");
  await refuse(res, req, { status: 413, reason: "tooLarge", limitBytes: limit.bytes }).catch(next);
  discardThenClose(req);
});

// Node closes a "Connection: close" socket once the response is written; closing it while the
// client's upload still arrives resets the connection, and the client may never read the 413.
// So only our side is closed; what keeps arriving is read and dropped (memory stays flat)
// until the client stops, or for 5 s at most.
function discardThenClose(req) {
  const socket = req.socket;
  socket.destroySoon = () => socket.end();
  const timer = setTimeout(() => socket.destroy(), 5_000);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  req.once("end", () => socket.destroy());
  req.resume();
}

// Remix's Express adapter, except that the body is the one read above.
let remixHandler;
const handlerFor = (serverBuild) => {
  remixHandler = createRequestHandler(serverBuild, serverBuild.mode);
  return async (req, res, next) => {
    try {
      // The adapter takes URL, headers and the abort signal from `req`; as a GET it leaves the body alone.
      let request = createRemixRequest(Object.assign(Object.create(req), { method: "GET" }), res);
      if (res.locals.body) request = new Request(request, { method: req.method, body: res.locals.body });
      const scope = serverBuild.entry.module.runInRequestScope ?? ((_method, run) => run());
      const context = loadContextFor(req, res);
      if (logger.isLevelEnabled("info")) res.locals.route = routeIdOf(serverBuild, req.path) ?? "-";
      const response = await scope(req.method, () => remixHandler(request, context), req.path);
      res.locals.userId = context.userId;
      const cacheControl = cacheControlFor({
        requestHasCookies: !!req.headers.cookie,
        responseHeaders: response.headers,
      });
      if (cacheControl) res.set("Cache-Control", cacheControl);
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
};
let handler = handlerFor(build);
app.all("*", (req, res, next) => handler(req, res, next));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
app.listen(port, host, async () => {
  // The same name app/env.server.ts gives links in emails when APP_URL is unset.
  const local = ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(host);
  const where = `http://${local ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
  if (reportsStartup) console.log(`Puente is serving ${where}${workers > 1 ? ` (${workers} processes)` : ""}`);
  if (isDev) await broadcastDevReady(build);
});

if (isDev) {
  fs.watch(path.dirname(BUILD_PATH), async () => {
    build = await loadBuild();
    handler = handlerFor(build);
    await broadcastDevReady(build);
  });
}
