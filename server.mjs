// The HTTP server: Express around Remix's request handler. It exists (instead of
// remix-serve) for two things Remix cannot do from a route: refuse cross-site form posts
// before any action runs, and hand the client's IP to the login rate limiter.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";

const BUILD_PATH = path.resolve("build/index.js");
const isDev = process.env.NODE_ENV === "development";
const trustProxy = ["1", "true"].includes(process.env.TRUST_PROXY ?? "");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CROSS_SITE_MESSAGE =
  "This form was sent from another site and was refused.\n" +
  "Este formulario se envió desde otro sitio y fue rechazado.\n";

function allowedOrigins(req) {
  const origins = new Set([`${req.protocol}://${req.get("host")}`]);
  if (process.env.APP_URL) origins.add(new URL(process.env.APP_URL).origin);
  return origins;
}

// Browsers send Sec-Fetch-Site (and Origin) with every form post; a request without
// either comes from a non-browser client, which cannot carry a victim's cookies.
export function isCrossSite(req) {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = req.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.get("origin");
  if (origin) return !allowedOrigins(req).has(origin);
  return false;
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

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxy);
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.use((req, res, next) => {
  res.locals.requestId = crypto.randomUUID();
  res.set("X-Request-Id", res.locals.requestId);
  if (isCrossSite(req)) {
    res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_MESSAGE);
    return;
  }
  next();
});

// One request handler per build (created per request it costs 1–2 ms); dev swaps it on rebuild.
const handlerFor = (serverBuild) =>
  createRequestHandler({
    build: serverBuild,
    mode: serverBuild.mode,
    getLoadContext: (_req, res) => ({ clientIp: _req.ip ?? "unknown", requestId: res.locals.requestId }),
  });
let handler = handlerFor(build);
app.all("*", (req, res, next) => handler(req, res, next));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
app.listen(port, host, async () => {
  console.log(`Puente is serving http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  if (isDev) await broadcastDevReady(build);
});

if (isDev) {
  fs.watch(path.dirname(BUILD_PATH), async () => {
    build = await loadBuild();
    handler = handlerFor(build);
    await broadcastDevReady(build);
  });
}
