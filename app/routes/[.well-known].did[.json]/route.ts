// GET /.well-known/did.json — the issuer's did:web document: every public key, current and
// rotated, so credentials signed before a rotation keep verifying.
import { didDocument } from "~/modules/credentials/index.server.ts";

export function loader() {
  return new Response(JSON.stringify(didDocument(), null, 2), {
    headers: { "Content-Type": "application/did+ld+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
