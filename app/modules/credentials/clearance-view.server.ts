// Reading clearances: the record behind a stable link or an attestation id, the verification
// page's data (initials only; the typed name checked against the signed hash), the holder's
// list, the officer's and the partner's links.
import { recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { formatDate, type Lang } from "~/modules/i18n/index.ts";
import { env } from "~/env.server.ts";
import { nameHash } from "./clearance-build.server.ts";
import { standingOf, standings, type ClearanceKey } from "./clearance-status.server.ts";
import { allowNameConfirmation } from "./rate-limit.server.ts";
import { qrCode, type QrCode } from "./qr.server.ts";
import { statusListCredential } from "./status-lists.server.ts";
import { credentialPaths, EXPIRING_DAYS, isCredentialId, type CredentialState } from "./types.ts";
import { verifyStored, type Verdict } from "./verify.server.ts";

const ATTESTATION_SELECT = {
  id: true,
  issuedAt: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  revokeReason: true,
  signedJson: true,
  revocationListId: true,
  suspensionListId: true,
} as const;
const CLEARANCE_SELECT = {
  id: true,
  userId: true,
  orgId: true,
  profileId: true,
  user: { select: { name: true } },
} as const;

type Attestation = {
  id: string;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  signedJson: string;
  revocationListId: string;
  suspensionListId: string;
};

export const clearanceUrl = (id: string) => `${env.APP_URL}${credentialPaths.verify(id)}`;

/** "María José Pérez Gómez" → "M. J. P. G." */
export const initialsOf = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]!.toLocaleUpperCase()}.`)
    .join(" ");

/** A stable link id (its newest attestation) or an attestation id (that one); null if neither. */
async function resolve(id: string) {
  if (!isCredentialId(id)) return null;
  const link = await db.clearance.findUnique({ where: { id }, select: CLEARANCE_SELECT });
  if (link) {
    const newest = await db.clearanceAttestation.findFirst({
      where: { clearanceId: link.id },
      orderBy: { issuedAt: "desc" },
      select: ATTESTATION_SELECT,
    });
    return newest ? { clearance: link, attestation: newest, newer: false } : null;
  }
  const attestation = await db.clearanceAttestation.findUnique({
    where: { id },
    select: { ...ATTESTATION_SELECT, clearance: { select: CLEARANCE_SELECT } },
  });
  if (!attestation) return null;
  const newer = await db.clearanceAttestation.count({
    where: { clearanceId: attestation.clearance.id, issuedAt: { gt: attestation.issuedAt } },
  });
  return { clearance: attestation.clearance, attestation, newer: newer > 0 };
}

/** The signed JSON of an attestation (for /credentials/:id.json), or null. */
export async function clearanceJson(id: string): Promise<string | null> {
  if (!isCredentialId(id)) return null;
  const row = await db.clearanceAttestation.findUnique({ where: { id }, select: { signedJson: true } });
  return row?.signedJson ?? null;
}

export type ClearanceVerifyPage = {
  kind: "clearance";
  id: string;
  attestationId: string;
  lang: Lang;
  initials: string;
  issuer: string;
  org: string;
  profile: { en: string; es: string };
  issued: string;
  expires: string;
  revokedOn: string | null;
  verdict: Pick<Verdict, "state" | "problems" | "authentic">;
  /** Viewing an earlier attestation: the link shows a newer one. */
  superseded: boolean;
  linkUrl: string;
  checkedAt: string;
  jsonPath: string;
  nameConfirmed: boolean | null;
};

type SignedClearance = {
  issuer?: { name?: string };
  credentialSubject?: {
    source?: { name?: string };
    identifier?: { identityHash?: string; salt?: string; hashed?: boolean }[];
  };
};

/** True when the typed name hashes (normalized, with the signed salt) to the signed hash. */
export function typedNameMatches(signedJson: string, typed: string): boolean {
  const signed = JSON.parse(signedJson) as SignedClearance;
  const identity = signed.credentialSubject?.identifier?.find((i) => i.hashed);
  if (!identity?.identityHash || typeof identity.salt !== "string" || !typed.trim()) return false;
  return nameHash(typed, identity.salt) === identity.identityHash;
}

export async function clearanceVerifyPage(
  id: string,
  lang: Lang,
  options: { typedName?: string | null; now?: Date } = {},
): Promise<ClearanceVerifyPage | null> {
  const now = options.now ?? new Date();
  const found = await resolve(id);
  if (!found) return null;
  const { clearance, attestation } = found;
  // The suspension bit follows the data: bring the list up to `now` before judging.
  await statusListCredential(attestation.suspensionListId, now);
  const verdict = await verifyStored(attestation, now);
  const signed = JSON.parse(attestation.signedJson) as SignedClearance;
  const profile = getProfile(clearance.profileId);
  const date = (d: Date) => formatDate(d, lang, "UTC");
  const typed = options.typedName ?? null;
  return {
    kind: "clearance",
    id: clearance.id,
    attestationId: attestation.id,
    lang,
    initials: initialsOf(clearance.user.name),
    issuer: signed.issuer?.name ?? "",
    org: signed.credentialSubject?.source?.name ?? "",
    profile: {
      en: profile?.name.en ?? clearance.profileId,
      es: profile?.name.es ?? clearance.profileId,
    },
    issued: date(attestation.issuedAt),
    expires: date(attestation.validUntil),
    revokedOn: attestation.revokedAt && verdict.state === "revoked" ? date(attestation.revokedAt) : null,
    verdict: { state: verdict.state, problems: verdict.problems, authentic: verdict.authentic },
    superseded: found.newer,
    linkUrl: clearanceUrl(clearance.id),
    checkedAt: formatDate(now, lang, "UTC"),
    jsonPath: credentialPaths.json(attestation.id),
    nameConfirmed: typed === null ? null : typedNameMatches(attestation.signedJson, typed),
  };
}

/**
 * The state the data says, in the verification page's order (revoked, then suspended, then
 * the dates); the page also checks the signature and the lists.
 */
export function clearanceState(a: Pick<Attestation, "revokedAt" | "validUntil">, met: boolean, now: Date) {
  if (a.revokedAt) return "revoked" as const;
  if (!met) return "suspended" as const;
  if (now >= a.validUntil) return "expired" as const;
  return a.validUntil.getTime() - now.getTime() <= EXPIRING_DAYS * 86_400_000
    ? ("expiring" as const)
    : ("valid" as const);
}

export type ClearanceCard = {
  id: string;
  orgId: string;
  org: string;
  profileId: string;
  profile: string;
  state: CredentialState;
  issued: string;
  expires: string;
  url: string;
  qr: QrCode;
};

/** Clearances with at least one attestation, newest attestation each; `where` scopes them. */
async function cards(
  where: { userId: string; orgId?: { in: string[] } },
  lang: Lang,
  now: Date,
): Promise<ClearanceCard[]> {
  const rows = await db.clearance.findMany({
    where: { ...where, attestations: { some: {} } },
    select: {
      id: true,
      userId: true,
      orgId: true,
      profileId: true,
      attestations: { orderBy: { issuedAt: "desc" }, take: 1, select: ATTESTATION_SELECT },
    },
    orderBy: { createdAt: "asc" },
  });
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } },
    select: { id: true, name: true },
  });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const map = await standings(rows, now);
  return rows.map((row) => {
    const a = row.attestations[0]!;
    const url = clearanceUrl(row.id);
    return {
      id: row.id,
      orgId: row.orgId,
      org: orgName.get(row.orgId) ?? "",
      profileId: row.profileId,
      profile: getProfile(row.profileId)?.name[lang] ?? row.profileId,
      state: clearanceState(a, standingOf(map, row).met, now),
      issued: formatDate(a.issuedAt, lang, "UTC"),
      expires: formatDate(a.validUntil, lang, "UTC"),
      url,
      qr: qrCode(url),
    };
  });
}

/** The holder's own clearances (read by user id). */
export const holderClearances = (userId: string, lang: Lang, now = new Date()) => cards({ userId }, lang, now);

/** A person's clearances in the caller's organizations (the officer's person page). */
export const orgClearances = (userId: string, orgIds: readonly string[], lang: Lang, now = new Date()) =>
  cards({ userId, orgId: { in: [...orgIds] } }, lang, now);

/** Stable links of clearances with an attestation, by `userId|orgId|profileId` (the partner view). */
export async function clearanceLinks(keys: readonly ClearanceKey[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  // IN lists rather than one OR per key (SQLite caps expression depth at 1,000), then exact keys.
  const wanted = new Set(keys.map((k) => `${k.userId}|${k.orgId}|${k.profileId}`));
  const rows = await db.clearance.findMany({
    where: {
      attestations: { some: {} },
      userId: { in: [...new Set(keys.map((k) => k.userId))] },
      orgId: { in: [...new Set(keys.map((k) => k.orgId))] },
    },
    select: { id: true, userId: true, orgId: true, profileId: true },
  });
  for (const r of rows) {
    const key = `${r.userId}|${r.orgId}|${r.profileId}`;
    if (wanted.has(key)) out.set(key, clearanceUrl(r.id));
  }
  return out;
}

export type NameCheck = { ok: true; matches: boolean } | { ok: false; reason: "rateLimited" };

/**
 * A verifier's typed name against a clearance (link or attestation id), limited per IP: a
 * refusal writes nothing but a security event. Null for an unknown id.
 */
export async function confirmClearanceName(
  id: string,
  typed: string,
  ip: string,
  now = new Date(),
): Promise<NameCheck | null> {
  const found = await resolve(id);
  if (!found) return null;
  if (!(await allowNameConfirmation(ip, now))) {
    await recordSecurityEvent({
      kind: "clearance.name-confirmation.refused",
      actorId: null,
      subject: `clearance:${found.clearance.id}`,
      data: { reason: "rateLimited", ip },
    });
    return { ok: false, reason: "rateLimited" };
  }
  return { ok: true, matches: typedNameMatches(found.attestation.signedJson, typed) };
}
