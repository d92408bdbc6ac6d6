// Security headers on every response server.mjs sends: pages, data requests, exports, public
// JSON, static files, refusals and 404s (decision 017). Helmet writes the standard ones; the
// Content-Security-Policy carries a nonce made per request, which entry.server hands to React
// and root.tsx to Remix's inline scripts, so no inline script runs without it.
import crypto from "node:crypto";
import helmet from "helmet";

// Nothing in the app uses these; a page that asked for one would be a surprise worth a refusal.
// Only features every current Chromium knows: an unknown name is a console error on every page.
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

export const HSTS = "max-age=31536000; includeSubDomains";

/** The Content-Security-Policy directives; `nonce` is `(req, res) => "'nonce-…'"` for helmet. */
export function cspDirectives({ isDev = false, nonce = (_req, res) => `'nonce-${res.locals.cspNonce}'` } = {}) {
  return {
    defaultSrc: ["'self'"],
    // Every script is a file of /build/ or an inline script of Remix's carrying the nonce.
    // No 'strict-dynamic': it would drop 'self' and block Remix's <link rel="modulepreload">.
    scriptSrc: ["'self'", nonce],
    // The stylesheet is a file; the one inline <style> (the bare refusal page) gets the nonce.
    styleSrc: ["'self'", nonce],
    // The second-factor QR code is inline SVG; data: leaves room for an image-rendered one.
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: isDev ? ["'self'", "ws:"] : ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * Middleware for the top of the stack. `res.locals.cspNonce` is set for the rest of the
 * request. HSTS only when the request came over HTTPS (directly, or from a trusted proxy per
 * TRUST_PROXY): sent over plain HTTP it is ignored, and on localhost it would pin the name.
 */
export function securityHeaders({ isDev = false } = {}) {
  const standard = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives({ isDev }) },
    strictTransportSecurity: false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
  return (req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    if (req.secure) res.setHeader("Strict-Transport-Security", HSTS);
    standard(req, res, next);
  };
}

/**
 * Cache-Control for an answer from Remix: what a route set stands (exports say `private,
 * no-store`, status lists `public, max-age=30`); otherwise an answer to a request carrying
 * cookies, or setting one, may be somebody's own page and is never stored.
 */
export function cacheControlFor({ requestHasCookies, responseHeaders }) {
  if (responseHeaders.has("Cache-Control")) return null;
  if (requestHasCookies || responseHeaders.has("Set-Cookie")) return "private, no-store";
  return null;
}
