// What server.mjs checks before Remix sees a request: cross-site form posts, body size,
// and which proxies may name the client's IP. Plain functions so tests can call them.
import net from "node:net";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browsers send Sec-Fetch-Site and Origin with every form post. Either one saying "another
 * site" refuses the request: an old browser may send only Origin, and a page can be
 * same-origin by Sec-Fetch-Site yet carry a foreign Origin (a redirect chain), which Remix
 * would answer with a 500. A request with neither comes from a non-browser client, which
 * cannot carry a victim's cookies.
 */
export function isCrossSite({ method, secFetchSite, origin, allowedOrigins }) {
  if (SAFE_METHODS.has(method)) return false;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return true;
  if (origin && !allowedOrigins.has(origin)) return true;
  return false;
}

/**
 * PostgreSQL text cannot hold NUL (SQLite can), and no address of the site has a reason to
 * carry one: `%00` is dropped from the URL before the app reads it, so an id or a search with a
 * NUL answers like one without, on both databases, instead of a 500 (issue 18). Form bodies get
 * the same treatment in the web module's readForm.
 */
export function withoutNul(url) {
  return url.replace(/%00/gi, "");
}

/** Express middleware: the request's URL without NUL, before anything else reads it. */
export function nulFreeUrl(req, _res, next) {
  if (/%00/i.test(req.originalUrl)) {
    req.url = withoutNul(req.url);
    req.originalUrl = withoutNul(req.originalUrl);
  }
  next();
}

const KB = 1024;
const MB = 1024 * KB;

// Largest body accepted per kind of request. Forms are small; uploads (course or roster
// imports, when they come) get their own larger allowance. Remix's client posts to the same
// path with ".data" appended.
const FORM_LIMIT = { kind: "form", bytes: 1 * MB };
export const BODY_LIMITS = [{ kind: "upload", pattern: /^\/(en|es)\/.+\/import(\/|\.data)?$/, bytes: 20 * MB }];

export function bodyLimitFor(pathname) {
  return BODY_LIMITS.find((limit) => limit.pattern.test(pathname)) ?? FORM_LIMIT;
}

/**
 * Reads a request body into memory, refusing as soon as it passes `limit` bytes (whether
 * announced by Content-Length or counted while a chunked body streams in). Resolves to the
 * body, or to null when it is too large; then nothing more is read.
 */
export function readBodyWithin(req, limit) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

const CIDR = /^(.+)\/(\d{1,3})$/;
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY → Express's "trust proxy". A number is how many proxies stand in front of the
 * app (`1`: one reverse proxy; the client is the address it appended to X-Forwarded-For,
 * whatever the client wrote there itself). A list names the proxies by address or CIDR.
 * Unset, `0` or `false`: no proxy; the socket's address is the client's.
 */
export function trustProxySetting(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text === "false") return false;
  if (text === "true") return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    const cidr = CIDR.exec(entry);
    const address = cidr ? cidr[1] : entry;
    const family = net.isIP(address);
    const bitsOk = !cidr || Number(cidr[2]) <= (family === 6 ? 128 : 32);
    if (!PROXY_NAMES.has(entry) && (family === 0 || !bitsOk)) {
      throw new Error(
        `TRUST_PROXY: "${entry}" is neither a number of proxy hops nor an IP address, CIDR range, ` +
          `loopback, linklocal or uniquelocal`,
      );
    }
  }
  return entries;
}
