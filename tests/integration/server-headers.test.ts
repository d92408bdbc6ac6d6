// server/security.mjs and server/request-log.mjs on a small Express app: HSTS only over HTTPS
// (as a trusted proxy reports it), a fresh nonce per response, Cache-Control left to routes
// that set it, LOG_LEVEL checked, and one log line per request naming the route, never the path.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, logLevelSetting, requestLog, routeIdOf } from "../../server/request-log.mjs";
import { cacheControlFor, HSTS, securityHeaders } from "../../server/security.mjs";

const logged: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(...chunk.toString().trim().split("\n"));
    done();
  },
});

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", "loopback");
  const logger = createLogger({ level: "info", destination: capture });
  app.use((_req, res, next) => {
    res.locals.requestId = "test-request";
    next();
  });
  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.get("/en/join/:code", (_req, res) => {
    res.locals.route = "routes/$lang.join.$code";
    res.locals.userId = "user-1";
    res.send("ok");
  });
  app.get("/plain", (_req, res) => res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

describe("security headers", () => {
  it("sends HSTS only when the request came over HTTPS", async () => {
    const plain = await fetch(`${base}/plain`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const proxied = await fetch(`${base}/plain`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(proxied.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("makes a new nonce for every response and allows no inline script without it", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/plain`), fetch(`${base}/plain`)]);
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(a.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("permissions-policy")).toContain("geolocation=()");
  });

  it("keeps a route's own Cache-Control and stores nothing answered to cookies", () => {
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(
      cacheControlFor({ requestHasCookies: true, responseHeaders: headers({ "Cache-Control": "public, max-age=30" }) }),
    ).toBeNull();
    expect(cacheControlFor({ requestHasCookies: true, responseHeaders: headers({}) })).toBe("private, no-store");
    expect(cacheControlFor({ requestHasCookies: false, responseHeaders: headers({ "Set-Cookie": "a=b" }) })).toBe(
      "private, no-store",
    );
    expect(cacheControlFor({ requestHasCookies: false, responseHeaders: headers({}) })).toBeNull();
  });
});

describe("request log", () => {
  it("writes one line per request: id, method, route, status, duration, user id; not the path or query", async () => {
    logged.length = 0;
    await (
      await fetch(`${base}/en/join/SECRETCODE1?token=abc123`, { headers: { Cookie: "puente_session=s3cr3t" } })
    ).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]!);
    expect(line).toMatchObject({
      reqId: "test-request",
      method: "GET",
      route: "routes/$lang.join.$code",
      status: 200,
      userId: "user-1",
    });
    expect(typeof line.ms).toBe("number");
    for (const secret of ["SECRETCODE1", "abc123", "s3cr3t", "puente_session"]) expect(logged[0]).not.toContain(secret);
  });

  it("accepts pino's levels for LOG_LEVEL and refuses anything else in one sentence", () => {
    expect(logLevelSetting(undefined)).toBe("info");
    expect(logLevelSetting(" WARN ")).toBe("warn");
    expect(logLevelSetting("silent")).toBe("silent");
    expect(() => logLevelSetting("loud")).toThrow(/^LOG_LEVEL must be one of fatal, error, .+; it is "loud"\.$/);
  });

  it("names a path by the Remix route it reaches, data requests included", () => {
    const build = {
      routes: {
        root: { id: "root", path: "" },
        "routes/$lang.join.$code": { id: "routes/$lang.join.$code", parentId: "root", path: ":lang/join/:code" },
        "routes/_index": { id: "routes/_index", parentId: "root", index: true },
        "routes/$lang.$": { id: "routes/$lang.$", parentId: "root", path: ":lang/*" },
      },
    };
    expect(routeIdOf(build, "/en/join/ABC")).toBe("routes/$lang.join.$code");
    expect(routeIdOf(build, "/en/join/ABC.data")).toBe("routes/$lang.join.$code");
    expect(routeIdOf(build, "/_root.data")).toBe("routes/_index");
    expect(routeIdOf(build, "/")).toBe("routes/_index");
    expect(routeIdOf(build, "/en/no/such")).toBe("routes/$lang.$");
  });
});
