// Verifying a credential, the same way for the public page, the JSON route's consumers and
// `npm run credential:verify`: the proof (eddsa-rdfc-2022, the issuer's keys from its DID
// document), then the status lists (signed, fetched through the local loader from the data),
// then the dates. Nothing here touches the network.
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import * as vc from "@digitalbazaar/vc";
import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { makeDocumentLoader } from "./document-loader.server.ts";
import { issuer } from "./issuer.server.ts";
import { verifySuite } from "./sign.server.ts";
import { listIdFromUrl, listVersions, statusListCredential, statusListUrl } from "./status-lists.server.ts";
import { EXPIRING_DAYS, type CredentialState } from "./types.ts";

/** Why a credential is not (or no longer) good, in words the page and the CLI translate. */
export type Problem =
  | "malformed" // not a credential of the expected shape
  | "unknown-issuer" // not signed by this issuer's DID
  | "bad-signature" // proof does not match the content: altered, or another key
  | "status-unavailable" // its status list could not be read or verified
  | "revoked"
  | "suspended"
  | "expired"
  | "not-yet-valid";

export type Verdict = {
  /** The signature holds and the content is as issued. */
  authentic: boolean;
  state: CredentialState | "invalid";
  problems: Problem[];
  /** Plain-English details for the CLI (library messages). */
  details: string[];
  revoked: boolean;
  suspended: boolean;
  validFrom: string | null;
  validUntil: string | null;
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Loader for verification: contexts, the issuer's keys, and this app's status lists. */
function verificationLoader(now: Date) {
  const origins = new Set([new URL(env.APP_URL).origin, new URL(issuer().appUrl).origin]);
  return makeDocumentLoader(async (url) => {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return null;
    }
    const listId = origins.has(origin) ? listIdFromUrl(url) : null;
    return listId ? ((await statusListCredential(listId, now))?.json ?? null) : null;
  });
}

// Status list credentials whose proof has been verified, by proof value: a list is verified
// once per signing (each change re-signs it), not once per credential checked against it.
const verifiedLists = new Set<string>();

async function verifyListOnce(
  url: string,
  documentLoader: ReturnType<typeof makeDocumentLoader>,
  now: Date,
): Promise<void> {
  const { document } = await documentLoader(url);
  const list = document as Json;
  const proofValue = Array.isArray(list.proof) ? (list.proof[0] as Json | undefined)?.proofValue : undefined;
  if (typeof proofValue === "string" && verifiedLists.has(proofValue)) return;
  const result = await vc.verifyCredential({ credential: list, suite: verifySuite(), documentLoader, now });
  if (!result.verified) throw new Error(`status list not verified: ${result.error?.message ?? "bad proof"}`);
  if (typeof proofValue === "string") {
    if (verifiedLists.size > 1_000) verifiedLists.clear();
    verifiedLists.add(proofValue);
  }
}

function dateOf(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The paired suspension list of a credential's revocation entry (same index). */
async function suspensionUrlFor(revocationListId: string): Promise<string | null> {
  const row = await db.statusList.findUnique({ where: { id: revocationListId }, select: { pairId: true } });
  if (!row) return null;
  const pair = await db.statusList.findUnique({
    where: { pairId_purpose: { pairId: row.pairId, purpose: "suspension" } },
    select: { id: true },
  });
  return pair ? statusListUrl(pair.id) : null;
}

function stateAt(validFrom: Date, validUntil: Date, now: Date): CredentialState {
  if (now >= validUntil) return "expired";
  if (now < validFrom) return "pending";
  return validUntil.getTime() - now.getTime() <= EXPIRING_DAYS * 86_400_000 ? "expiring" : "valid";
}

/**
 * Verifies a credential JSON as published. Time is checked separately from the proof, so an
 * expired credential is reported as authentic-but-expired and a renewal as pending.
 */
export async function verifyCredentialJson(input: unknown, now = new Date()): Promise<Verdict> {
  const verdict: Verdict = {
    authentic: false,
    state: "invalid",
    problems: [],
    details: [],
    revoked: false,
    suspended: false,
    validFrom: null,
    validUntil: null,
  };
  const credential = input;
  const validFrom = isObject(credential) ? dateOf(credential.validFrom) : null;
  const validUntil = isObject(credential) ? dateOf(credential.validUntil) : null;
  if (!isObject(credential) || !validFrom || !validUntil || !Array.isArray(credential.proof)) {
    verdict.problems.push("malformed");
    verdict.details.push("Not an Open Badges credential with validFrom, validUntil and a proof array.");
    return verdict;
  }
  verdict.validFrom = validFrom.toISOString();
  verdict.validUntil = validUntil.toISOString();
  const issuerId = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  if (issuerId !== issuer().did) {
    verdict.problems.push("unknown-issuer");
    verdict.details.push(`Issuer ${String(issuerId)} is not ${issuer().did}.`);
    return verdict;
  }
  // Check the proof at a moment inside the validity period; dates are judged below.
  const inside = now < validFrom ? validFrom : now >= validUntil ? new Date(validUntil.getTime() - 1000) : now;
  const documentLoader = verificationLoader(now);
  const proof = await vc.verifyCredential({
    credential,
    suite: verifySuite(),
    documentLoader,
    now: inside,
    // The status is checked below, with both lists; the library only needs a function here.
    checkStatus: async () => ({ verified: true }),
  });
  if (!proof.verified) {
    verdict.problems.push("bad-signature");
    const errors = proof.error?.errors ?? (proof.error ? [proof.error] : []);
    const fromResults = (proof.results ?? []).map((r) => r.error).filter((e): e is Error => !!e);
    for (const error of [...errors, ...fromResults]) verdict.details.push(error.message);
    return verdict;
  }
  verdict.authentic = true;

  const status = credential.credentialStatus;
  const revocationUrl = isObject(status) ? status.statusListCredential : null;
  const revocationListId = typeof revocationUrl === "string" ? listIdFromUrl(revocationUrl) : null;
  const suspensionUrl = revocationListId ? await suspensionUrlFor(revocationListId) : null;
  if (!isObject(status) || !revocationListId || !suspensionUrl) {
    verdict.problems.push("status-unavailable");
    verdict.details.push("The credential's status list is not one this issuer publishes.");
  } else {
    const suite = verifySuite();
    for (const purpose of ["revocation", "suspension"] as const) {
      const entry =
        purpose === "revocation"
          ? status
          : {
              ...status,
              id: `${suspensionUrl}#${String(status.statusListIndex)}`,
              statusPurpose: "suspension",
              statusListCredential: suspensionUrl,
            };
      try {
        await verifyListOnce(String(entry.statusListCredential), documentLoader, now);
        const result = await checkStatus({
          credential: { ...credential, credentialStatus: entry },
          documentLoader,
          suite,
          // Verified just above (once per signed list, see verifyListOnce).
          verifyStatusListCredential: false,
          verifyMatchingIssuers: true,
        });
        if (!result.verified) throw result.error ?? new Error(`${purpose} list not verified`);
        const set = result.results?.[0]?.status === true;
        if (purpose === "revocation") verdict.revoked = set;
        else verdict.suspended = set;
      } catch (error) {
        verdict.problems.push("status-unavailable");
        verdict.details.push(`${purpose} list: ${(error as Error).message}`);
      }
    }
  }
  const timeState = stateAt(validFrom, validUntil, now);
  if (verdict.revoked) verdict.problems.push("revoked");
  else if (verdict.suspended) verdict.problems.push("suspended");
  if (timeState === "expired") verdict.problems.push("expired");
  if (timeState === "pending") verdict.problems.push("not-yet-valid");
  verdict.state = verdict.problems.includes("status-unavailable")
    ? "invalid"
    : verdict.revoked
      ? "revoked"
      : verdict.suspended
        ? "suspended"
        : timeState;
  return verdict;
}

export type StoredVerdict = Verdict & { cacheKey: string };

// Verdicts per credential and status-list versions: the signature work is done once per
// change, whatever the traffic. Dates are re-judged on each read (they move with time).
const verdicts = new Map<string, { verdict: Verdict; at: number }>();
const MAX_VERDICTS = 5_000;

/** Verifies a stored credential's published JSON, cached per credential and list versions. */
export async function verifyStored(
  row: { id: string; signedJson: string; revocationListId: string; suspensionListId: string },
  now = new Date(),
): Promise<StoredVerdict> {
  // A list holding clearances may move by time alone (its version then moves): serve it first.
  await statusListCredential(row.suspensionListId, now);
  const versions = await listVersions([row.revocationListId, row.suspensionListId]);
  const cacheKey = `${row.id}:${versions.get(row.revocationListId) ?? 0}:${versions.get(row.suspensionListId) ?? 0}:${issuer().keys.length}`;
  const hit = verdicts.get(cacheKey);
  if (hit) return { ...rejudge(hit.verdict, now), cacheKey };
  const verdict = await verifyCredentialJson(JSON.parse(row.signedJson), now);
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(cacheKey, { verdict, at: now.getTime() });
  return { ...verdict, cacheKey };
}

/** Re-applies the dates to a cached verdict. */
function rejudge(verdict: Verdict, now: Date): Verdict {
  if (!verdict.authentic || !verdict.validFrom || !verdict.validUntil) return verdict;
  const timeState = stateAt(new Date(verdict.validFrom), new Date(verdict.validUntil), now);
  const problems: Problem[] = verdict.problems.filter((p) => p !== "expired" && p !== "not-yet-valid");
  if (timeState === "expired") problems.push("expired");
  if (timeState === "pending") problems.push("not-yet-valid");
  const state =
    verdict.state === "invalid" || verdict.state === "revoked" || verdict.state === "suspended"
      ? verdict.state
      : timeState;
  return { ...verdict, problems, state };
}

export function forgetVerdicts(): void {
  verdicts.clear();
  verifiedLists.clear();
}
