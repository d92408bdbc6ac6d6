// The Content-Security-Policy nonce of the document being rendered (server/security.mjs makes
// one per request; entry.server provides it). Remix's inline scripts must carry it or the
// browser refuses them. In the browser it is undefined: the scripts have run by then, React
// does not compare them when hydrating, and browsers hide a nonce from the DOM anyway.
import { createContext, useContext } from "react";

export const CspNonceContext = createContext<string | undefined>(undefined);

export function useCspNonce(): string | undefined {
  return useContext(CspNonceContext);
}
