// The checks server.mjs makes before Remix runs, as plain functions. The browser-level
// checks against a running server are in tests/e2e/server-guards.e2e.test.ts.
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import express from "express";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERROR_TITLES } from "~/modules/i18n/index.ts";
import { formatBytes, refusalLang, renderRefusal } from "~/modules/web/index.server.ts";
import { bodyLimitFor, isCrossSite, nulFreeUrl, readBodyWithin, trustProxySetting } from "../../server/guards.mjs";

const APP = "http://localhost:3000";
const allowedOrigins = new Set([APP]);

describe("isCrossSite", () => {
  it.each([
    // [method, Sec-Fetch-Site, Origin, refused]
    ["POST", "same-origin", APP, false],
    ["POST", "none", undefined, false],
    ["POST", undefined, APP, false],
    ["POST", undefined, undefined, false],
    ["GET", "cross-site", "https://evil.example", false],
    ["POST", "same-origin", "https://evil.example", true],
    ["POST", "same-origin", "null", true],
    ["POST", "none", "https://evil.example", true],
    ["POST", "cross-site", APP, true],
    ["POST", "same-site", APP, true],
    ["POST", "cross-site", undefined, true],
    ["POST", undefined, "https://evil.example", true],
    ["PUT", undefined, "http://localhost:3001", true],
    ["DELETE", "cross-site", undefined, true],
  ])("%s with Sec-Fetch-Site %s and Origin %s → refused: %s", (method, secFetchSite, origin, refused) => {
    expect(isCrossSite({ method, secFetchSite, origin, allowedOrigins })).toBe(refused);
  });
});

describe("body limits", () => {
  it("forms get a small limit, imports a larger one", () => {
    expect(bodyLimitFor("/en/login")).toMatchObject({ kind: "form", bytes: 1024 * 1024 });
    expect(bodyLimitFor("/es/courses/aml-core/quizzes/q/attempts/a")).toMatchObject({ kind: "form" });
    const upload = bodyLimitFor("/en/admin/courses/import");
    expect(upload.kind).toBe("upload");
    expect(bodyLimitFor("/es/admin/courses/import.data").kind).toBe("upload");
    expect(bodyLimitFor("/es/admin/courses/import-notes").kind).toBe("form");
    expect(upload.bytes).toBeGreaterThan(bodyLimitFor("/en/login").bytes);
  });

  const fakeRequest = (chunks: Buffer[], contentLength?: number) =>
    Object.assign(Readable.from(chunks), {
      headers: contentLength === undefined ? {} : { "content-length": String(contentLength) },
    });

  it("reads a body within the limit", async () => {
    const body = await readBodyWithin(fakeRequest([Buffer.from("a=1&"), Buffer.from("b=2")]), 100);
    expect(body?.toString()).toBe("a=1&b=2");
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = fakeRequest([Buffer.from("x")], 101);
    expect(await readBodyWithin(request, 100)).toBeNull();
    expect(request.readableFlowing).toBeNull();
  });

  it("counts a chunked body and stops reading once it passes the limit", async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1_000;
        this.push(Buffer.alloc(1_000));
      },
    });
    const request = Object.assign(endless, { headers: {} });
    expect(await readBodyWithin(request, 10_000)).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    // Paused: at most the stream's read-ahead buffer beyond the limit was produced.
    expect(request.isPaused()).toBe(true);
    expect(produced).toBeLessThan(100_000);
  });
});

describe("oversized bodies (issue 18, hostile input)", () => {
  const PATHS = ["/en/login", "/es/orgs/o1/cohorts/new", "/en/orgs/import", "/es/orgs/import.data", "/verify/x"];
  const block = Buffer.alloc(64 * 1024, 0x61);
  /** `size` bytes in chunks of `chunk` bytes, all views of one block (no 20 MB allocations). */
  const chunksOf = (size: number, chunk: number) => {
    const out: Buffer[] = [];
    for (let left = size; left > 0; left -= chunk) out.push(block.subarray(0, Math.min(chunk, left)));
    return out;
  };

  it("any size, chunking and declared length: read whole up to the limit, refused past it, in the path's words", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -4096, max: 4 * 1024 * 1024 })),
        fc.integer({ min: 4 * 1024, max: 64 * 1024 }),
        fc.constantFrom("declared", "chunked", "understated"),
        async (pathname, offset, chunk, framing) => {
          const limit = bodyLimitFor(pathname);
          const size = Math.max(0, limit.bytes + offset);
          // "understated": a Content-Length that claims less than what streams in.
          const declared = framing === "declared" ? size : framing === "understated" ? Math.min(size, 10) : undefined;
          const request = Object.assign(Readable.from(chunksOf(size, chunk)), {
            headers: declared === undefined ? {} : { "content-length": String(declared) },
          });
          const body = await readBodyWithin(request, limit.bytes);
          if (size <= limit.bytes) return body?.length === size;
          if (body !== null) return false;
          const lang = refusalLang(pathname, undefined);
          const page = renderRefusal({ status: 413, reason: "tooLarge", limitBytes: limit.bytes }, lang);
          const words = [`<html lang="${lang}">`, ERROR_TITLES[lang].refusedTooLarge, formatBytes(limit.bytes, lang)];
          return words.every((w) => page.includes(w));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("NUL in the URL (issue 18: PostgreSQL text cannot hold it)", () => {
  it("is dropped from the URL Remix reads, before any route sees the path or the query", async () => {
    const app = express();
    app.use(nulFreeUrl);
    // Remix builds its Request from `originalUrl` (the app never reads Express's own `req.query`).
    app.use((req, res) => res.json({ originalUrl: req.originalUrl, path: req.path }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/es/vetting/people/x%00?q=a%00b`);
      expect(await response.json()).toEqual({ originalUrl: "/es/vetting/people/x?q=ab", path: "/es/vetting/people/x" });
    } finally {
      server.close();
    }
  });
});

describe("trustProxySetting", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["false", false],
    ["1", 1],
    ["true", 1],
    ["2", 2],
    ["10.0.0.1", ["10.0.0.1"]],
    ["loopback, 10.0.0.0/8, fd00::/8", ["loopback", "10.0.0.0/8", "fd00::/8"]],
  ])("%j → %j", (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });

  it.each(["yes", "10.0.0.0/33", "proxy.example", "1.2.3"])("refuses %j with a clear message", (value) => {
    expect(() => trustProxySetting(value)).toThrow(/TRUST_PROXY/);
  });

  it("with one hop, the client is the address the proxy appended, not what the client wrote", async () => {
    const app = express();
    app.set("trust proxy", trustProxySetting("1"));
    app.get("/", (req, res) => {
      res.send(req.ip);
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    try {
      const seen = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "X-Forwarded-For": "203.0.113.66, 198.51.100.9" },
      }).then((r) => r.text());
      expect(seen).toBe("198.51.100.9");
    } finally {
      server.close();
    }
  });
});

describe("refusal page", () => {
  it("is translated and names the limit", () => {
    const es = renderRefusal({ status: 413, reason: "tooLarge", limitBytes: 1024 * 1024 }, "es");
    expect(es).toContain('<html lang="es">');
    expect(es).toContain("Demasiados datos");
    expect(es).toContain("1 MB");
    const en = renderRefusal({ status: 403, reason: "crossSite" }, "en");
    expect(en).toContain("This form was sent from another site and was refused.");
    expect(en).toContain('href="/en"');
  });

  it("takes the language from the path, then Accept-Language", () => {
    expect(refusalLang("/es/login", "en-US")).toBe("es");
    expect(refusalLang("/healthz", "es-MX,es;q=0.9")).toBe("es");
    expect(refusalLang("/healthz", undefined)).toBe("en");
  });
});
