// The language a person reads in now wins over the one saved on their account; after signing
// in at /es/login with English saved, they land in Spanish and are offered, once, to save it.
import { createCookie } from "@remix-run/node";
import { secureCookies } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";

const offerCookie = createCookie("puente_lang_offer", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies,
  maxAge: 10 * 60,
});

/** Set-Cookie for the sign-in response when the page language differs from the saved one. */
export async function languageOfferCookie(pageLang: Lang, savedLang: Lang): Promise<string | null> {
  return pageLang === savedLang ? null : offerCookie.serialize(pageLang);
}

export type LanguageOffer = { offer: Lang | null; setCookie: string | null };

/**
 * Whether to offer saving `pageLang` on this page. The offer is shown once: the cookie that
 * carries it is cleared on the first page that reads it.
 */
export async function readLanguageOffer(
  request: Request,
  user: { language: Lang } | null,
  pageLang: Lang,
): Promise<LanguageOffer> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader?.includes("puente_lang_offer=")) return { offer: null, setCookie: null };
  // Not signed in yet (a sign-in waiting for its second factor): keep the offer for the first
  // page after it; the cookie lapses on its own within minutes.
  if (!user) return { offer: null, setCookie: null };
  const wanted: unknown = await offerCookie.parse(cookieHeader);
  const setCookie = await clearLanguageOfferCookie();
  const offer = isLang(wanted) && wanted === pageLang && user.language !== pageLang ? pageLang : null;
  return { offer, setCookie };
}

export function clearLanguageOfferCookie(): Promise<string> {
  return offerCookie.serialize("", { maxAge: 0 });
}

export async function saveLanguage(userId: string, language: Lang): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language }, select: { id: true } });
}
