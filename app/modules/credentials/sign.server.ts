// Signing with a DataIntegrityProof (eddsa-rdfc-2022) through @digitalbazaar/vc.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { makeDocumentLoader } from "./document-loader.server.ts";
import { signingKey } from "./issuer.server.ts";

export type Signed = Record<string, unknown> & { proof: Record<string, unknown>[] };

/** Signs with the current key. Open Badges 3.0 wants `proof` as an array. */
export async function sign(
  document: Record<string, unknown>,
  now = new Date(),
): Promise<{ signed: Signed; keyId: string }> {
  const key = await signingKey();
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022, date: now });
  const signed = await vc.issue({
    credential: structuredClone(document),
    suite,
    documentLoader: makeDocumentLoader(),
    now,
  });
  const proof = signed.proof;
  return { signed: { ...signed, proof: Array.isArray(proof) ? proof : [proof] } as Signed, keyId: key.id };
}

/** A verification suite (public keys come through the document loader). */
export const verifySuite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
