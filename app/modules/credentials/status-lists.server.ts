// W3C Bitstring Status List v1.0. Lists come in pairs (revocation + suspension) of 131,072
// entries; a credential gets one random free index, the same in both lists of its pair, so a
// list says nothing about who holds what or in which order they were issued. The bits are
// computed from the Credential rows; `version` goes up in the transaction of each change and
// the signed list is re-made (and stored) the first time it is asked for after that.
import { createCredential, createList } from "@digitalbazaar/vc-bitstring-status-list";
import { env } from "~/env.server.ts";
import { db, type Tx } from "~/modules/db/index.server.ts";
import { isoSeconds } from "./build.server.ts";
import { newListId, randomIndex, LIST_ID_PATTERN } from "./ids.server.ts";
import { clearanceSuspensions } from "./clearance-status.server.ts";
import { issuer } from "./issuer.server.ts";
import { sign } from "./sign.server.ts";
import { credentialPaths, type StatusPurpose } from "./types.ts";

export const STATUS_LIST_SIZE = 131_072;
/** A pair takes new credentials until this share of its indices is used (keeps draws fast). */
const FILL_LIMIT = 0.5;

export const statusListUrl = (listId: string, base = env.APP_URL) => `${base}${credentialPaths.statusList(listId)}`;

export type Allocation = { revocationListId: string; suspensionListId: string; statusListIndex: number };

/** Picks a pair with room (or opens one) and a random unused index in it. Inside `tx`. */
export async function allocateStatus(tx: Tx): Promise<Allocation> {
  const pairs = await tx.statusList.findMany({
    where: { purpose: "revocation" },
    select: { id: true, pairId: true, size: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  });
  let pair = pairs[0];
  if (pair) {
    const used =
      (await tx.credential.count({ where: { revocationListId: pair.id } })) +
      (await tx.clearanceAttestation.count({ where: { revocationListId: pair.id } }));
    if (used >= pair.size * FILL_LIMIT) pair = undefined;
  }
  let suspensionListId: string;
  if (!pair) {
    const pairId = newListId();
    const revocation = { id: newListId(), purpose: "revocation", size: STATUS_LIST_SIZE, pairId };
    const suspension = { id: newListId(), purpose: "suspension", size: STATUS_LIST_SIZE, pairId };
    await tx.statusList.createMany({ data: [revocation, suspension] });
    pair = { id: revocation.id, pairId, size: STATUS_LIST_SIZE };
    suspensionListId = suspension.id;
  } else {
    const suspension = await tx.statusList.findUnique({
      where: { pairId_purpose: { pairId: pair.pairId, purpose: "suspension" } },
      select: { id: true },
    });
    suspensionListId = suspension!.id;
  }
  for (;;) {
    const index = randomIndex(pair.size);
    // Training credentials and clearance attestations share the pairs' index space.
    const where = { revocationListId: pair.id, statusListIndex: index };
    const taken =
      (await tx.credential.findFirst({ where, select: { id: true } })) ??
      (await tx.clearanceAttestation.findFirst({ where, select: { id: true } }));
    if (!taken) return { revocationListId: pair.id, suspensionListId, statusListIndex: index };
  }
}

/** Marks a list changed (inside the transaction of the change). */
export async function touchList(tx: Tx, listId: string): Promise<void> {
  await tx.statusList.update({ where: { id: listId }, data: { version: { increment: 1 } }, select: { id: true } });
}

export type ListVersions = Map<string, number>;

/** Current versions of lists (for the verdict cache key). */
export async function listVersions(ids: readonly string[]): Promise<ListVersions> {
  const rows = await db.statusList.findMany({ where: { id: { in: [...ids] } }, select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Indices set in a list, from the data, and until when that answer holds by time alone (null:
 * until the next change). Clearance attestations are suspended while their requirements are
 * not met now, so a suspension list holding any is good only briefly.
 */
async function setIndices(
  listId: string,
  purpose: StatusPurpose,
  now: Date,
): Promise<{ indices: number[]; until: Date | null }> {
  if (purpose === "revocation") {
    const where = { revocationListId: listId, revokedAt: { not: null } };
    const [credentials, attestations] = await Promise.all([
      db.credential.findMany({ where, select: { statusListIndex: true } }),
      db.clearanceAttestation.findMany({ where, select: { statusListIndex: true } }),
    ]);
    return { indices: [...credentials, ...attestations].map((r) => r.statusListIndex), until: null };
  }
  const rows = await db.credential.findMany({
    where: { suspensionListId: listId, suspendedAt: { not: null } },
    select: { statusListIndex: true },
  });
  const clearances = await clearanceSuspensions(listId, now);
  return { indices: [...rows.map((r) => r.statusListIndex), ...clearances.indices], until: clearances.until };
}

// A few seconds in memory so a burst of requests costs one database read, not one each.
const memo = new Map<string, { at: number; until: number; version: number; json: Record<string, unknown> }>();
const MEMO_MS = 5_000;

export type ServedList = { json: Record<string, unknown>; version: number; purpose: StatusPurpose };

const encodedList = (json: Record<string, unknown> | null) =>
  (json?.credentialSubject as { encodedList?: string } | undefined)?.encodedList ?? null;

/**
 * The signed status list credential for `listId`, or null for an unknown list. Re-signed when
 * its version moved since it was last signed, or (a list holding clearance attestations) when
 * its time window ran out; bits that changed by time alone move the version too, so every
 * cache keyed by version (the verdicts) follows. Concurrent servers may both sign, which is
 * harmless (either result is right) and the stored one is replaced only for the same version.
 */
export async function statusListCredential(listId: string, now = new Date()): Promise<ServedList | null> {
  if (!LIST_ID_PATTERN.test(listId)) return null;
  const t = now.getTime();
  const hit = memo.get(listId);
  if (hit && t >= hit.at && t - hit.at < MEMO_MS && t < hit.until)
    return { json: hit.json, version: hit.version, purpose: purposeOf(hit.json) };
  const row = await db.statusList.findUnique({
    where: { id: listId },
    select: {
      id: true,
      purpose: true,
      size: true,
      version: true,
      signedJson: true,
      signedFor: true,
      signedAt: true,
      signedUntil: true,
    },
  });
  if (!row) return null;
  const purpose = row.purpose as StatusPurpose;
  let json: Record<string, unknown>;
  let version = row.version;
  let until = row.signedUntil;
  const inWindow = !row.signedUntil || (row.signedAt !== null && row.signedAt <= now && now < row.signedUntil);
  if (row.signedJson && row.signedFor === row.version && inWindow) {
    json = JSON.parse(row.signedJson) as Record<string, unknown>;
  } else {
    const list = await createList({ length: row.size });
    const set = await setIndices(row.id, purpose, now);
    for (const index of set.indices) list.setStatus(index, true);
    const unsigned = await createCredential({ id: statusListUrl(row.id), list, statusPurpose: purpose });
    // The issuer as its DID (the VC 2.0 context alone does not define the Profile terms).
    const document = { ...unsigned, issuer: issuer().did, validFrom: isoSeconds(now) };
    json = (await sign(document, now)).signed;
    until = set.until;
    const previous = row.signedJson ? (JSON.parse(row.signedJson) as Record<string, unknown>) : null;
    const movedByTime = row.signedFor === row.version && encodedList(previous) !== encodedList(json);
    if (movedByTime) version = row.version + 1;
    await db.statusList.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        signedJson: JSON.stringify(json),
        signedFor: version,
        signedAt: now,
        signedUntil: until,
        ...(movedByTime ? { version } : {}),
      },
    });
  }
  memo.set(listId, { at: t, until: until ? until.getTime() : Infinity, version, json });
  return { json, version, purpose };
}

function purposeOf(json: Record<string, unknown>): StatusPurpose {
  return (json.credentialSubject as { statusPurpose: StatusPurpose }).statusPurpose;
}

/** Forget memoised lists (after a change in this process, and for tests). */
export function forgetStatusLists(listId?: string): void {
  if (listId) memo.delete(listId);
  else memo.clear();
}

/** The list id in a status list URL of this app (any origin it has used), or null. */
export function listIdFromUrl(url: string): string | null {
  const match = /\/status-lists\/([A-Za-z0-9_-]{12})$/.exec(url);
  return match ? match[1]! : null;
}
