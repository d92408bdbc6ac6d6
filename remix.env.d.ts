/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  // Set by server.mjs for every request.
  interface AppLoadContext {
    clientIp?: string;
    requestId?: string;
    /** The Content-Security-Policy nonce of this response (server/security.mjs). */
    cspNonce?: string;
    /** Set by the root loader when the request is signed in, for server.mjs's request log. */
    userId?: string;
  }
}
