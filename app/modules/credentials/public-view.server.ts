// What /verify/:id shows, built from the record and the verdict (the route stays thin).
import { fold } from "~/modules/text/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { publicRecord, publicUrls } from "./queries.server.ts";
import { verifyStored, type Verdict } from "./verify.server.ts";
import { credentialPaths } from "./types.ts";

export type VerifyPage = {
  id: string;
  lang: Lang;
  /** null while the holder wants the name confirmed and the visitor has not typed it. */
  holderName: string | null;
  nameConfirmation: boolean;
  name: { en: string; es: string };
  issuer: string;
  issued: string;
  validFrom: string;
  expires: string;
  revokedOn: string | null;
  hours: number | null;
  verdict: Pick<Verdict, "state" | "problems" | "authentic">;
  renewedFrom: string | null;
  renews: boolean;
  checkedAt: string;
  jsonPath: string;
  verifyUrl: string;
};

/** Language from `?lang=`, then Accept-Language, else English. */
export function verifyLanguage(request: Request): Lang {
  const query = new URL(request.url).searchParams.get("lang");
  if (isLang(query)) return query;
  const header = request.headers.get("Accept-Language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: (tag ?? "").trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => isLang(entry.lang))
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Lang | undefined) ?? "en";
}

/** Accent-, case- and spacing-insensitive comparison of a typed name with the holder's. */
export function nameMatches(typed: string, holderName: string): boolean {
  const norm = (s: string) => fold(s).replace(/\s+/g, " ").trim();
  return norm(typed).length > 0 && norm(typed) === norm(holderName);
}

/** The verification page's data, or null for an unknown or malformed id. */
export async function verifyPage(
  id: string,
  lang: Lang,
  options: { typedName?: string | null; now?: Date } = {},
): Promise<(VerifyPage & { nameConfirmed: boolean | null }) | null> {
  const now = options.now ?? new Date();
  const record = await publicRecord(id);
  if (!record) return null;
  const verdict = await verifyStored(record, now);
  const typed = options.typedName ?? null;
  const nameConfirmed = typed === null ? null : nameMatches(typed, record.holderName);
  const showName = !record.nameConfirmation || nameConfirmed === true;
  const date = (d: Date) => formatDate(d, lang, "UTC");
  return {
    id: record.id,
    lang,
    holderName: showName ? record.holderName : null,
    nameConfirmation: record.nameConfirmation,
    nameConfirmed,
    name: record.name,
    issuer: record.issuer.name,
    issued: date(record.issuedAt),
    validFrom: date(record.validFrom),
    expires: date(record.validUntil),
    revokedOn: record.revokedAt && verdict.state === "revoked" ? date(record.revokedAt) : null,
    hours: record.hours,
    verdict: { state: verdict.state, problems: verdict.problems, authentic: verdict.authentic },
    renewedFrom: record.renewedById ? date(record.validUntil) : null,
    renews: record.predecessorId !== null,
    checkedAt: formatDate(now, lang, "UTC"),
    jsonPath: credentialPaths.json(record.id),
    verifyUrl: publicUrls(record.id).verify,
  };
}
