// The issuer identity (did:web + Ed25519 keys), made before the server starts by
// scripts/credentials/issuer-keys.mjs and read here. Never stored in the database.
import fs from "node:fs";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { ensureIssuer, keyFilePath, readIssuer } from "../../../scripts/credentials/issuer-keys.mjs";

export type IssuerKey = { id: string; publicKeyMultibase: string; secretKeyMultibase: string; createdAt: string };
export type IssuerFile = { did: string; appUrl: string; createdAt: string; keys: IssuerKey[] };

export class IssuerMissingError extends Error {
  constructor() {
    super(
      "The credential issuer identity is missing: run `node scripts/credentials/issuer-keys.mjs` " +
        "(npm start, serve and dev do) or set ISSUER_KEYS_JSON.",
    );
  }
}

let cached: { stamp: string; issuer: IssuerFile; signer: Promise<Ed25519Multikey.KeyPair> } | null = null;

function stampOf(): string {
  if (process.env.ISSUER_KEYS_JSON) return `env:${process.env.ISSUER_KEYS_JSON.length}:${process.env.ISSUER_KEYS_JSON}`;
  try {
    const stat = fs.statSync(keyFilePath());
    return `file:${keyFilePath()}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return "missing";
  }
}

/** The identity as it is now; a rotation on disk is picked up without a restart. */
export function issuer(): IssuerFile {
  const stamp = stampOf();
  if (cached?.stamp === stamp) return cached.issuer;
  const value = readIssuer() as IssuerFile | null;
  if (!value) throw new IssuerMissingError();
  const current = value.keys[value.keys.length - 1]!;
  cached = {
    stamp,
    issuer: value,
    signer: Ed25519Multikey.from({
      type: "Multikey",
      id: current.id,
      controller: value.did,
      publicKeyMultibase: current.publicKeyMultibase,
      secretKeyMultibase: current.secretKeyMultibase,
    }),
  };
  return value;
}

export const issuerDid = (): string => issuer().did;

/** The key pair that signs new credentials and lists: the newest one. */
export async function signingKey(): Promise<Ed25519Multikey.KeyPair> {
  issuer();
  return cached!.signer;
}

/** A public key as a Multikey verification method (no secret). */
export function verificationMethod(key: Pick<IssuerKey, "id" | "publicKeyMultibase">, did: string) {
  return { id: key.id, type: "Multikey", controller: did, publicKeyMultibase: key.publicKeyMultibase };
}

/** The DID document served at /.well-known/did.json: every public key, current and rotated. */
export function didDocument() {
  const { did, keys } = issuer();
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: keys.map((key) => verificationMethod(key, did)),
    assertionMethod: keys.map((key) => key.id),
  };
}

/** Forget the cached identity (tests that swap key files). */
export function forgetIssuer(): void {
  cached = null;
}

/** Makes the identity if missing (the start-up step; the seed calls it too). Idempotent. */
export async function ensureIssuerIdentity(): Promise<{ did: string; created: boolean }> {
  const { issuer: made, created } = (await ensureIssuer()) as { issuer: IssuerFile; created: boolean };
  return { did: made.did, created };
}
