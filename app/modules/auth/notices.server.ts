// Mail that tells the owner of an account what just happened to it, in their language.
import { env } from "~/env.server.ts";
import {
  linkEmail,
  type LinkEmailKind,
  noticeEmail,
  type NoticeEmailKind,
  sendEmail,
} from "~/modules/email/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";

export type Recipient = { email: string; name: string; language: string };

export function langOf(user: { language: string }): Lang {
  return isLang(user.language) ? user.language : "en";
}

export function appLink(lang: Lang, route: string, token?: string): string {
  const base = `${env.APP_URL}/${lang}/${route}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

/** A message with a single-use link (`route?token=…`) to `to`. */
export async function sendLink(
  kind: LinkEmailKind,
  user: Pick<Recipient, "name" | "language">,
  to: string,
  route: string,
  token: string,
  values: Record<string, string | number> = {},
) {
  const lang = langOf(user);
  await sendEmail(await linkEmail(kind, lang, to, user.name, appLink(lang, route, token), values));
}

/**
 * A notice to `to` (the account's address unless said otherwise). Without a token the link
 * is the forgot-password page: the one way to secure an account that works signed out.
 * The change it reports has already happened, so a mail server that is down is logged
 * rather than turned into an error page for a change that did succeed.
 */
export async function sendNotice(
  kind: NoticeEmailKind,
  user: Recipient,
  options: { to?: string; route?: string; token?: string; values?: Record<string, string | number> } = {},
) {
  const lang = langOf(user);
  const link = appLink(lang, options.route ?? "forgot-password", options.token);
  try {
    await sendEmail(await noticeEmail(kind, lang, options.to ?? user.email, user.name, link, options.values));
  } catch (error) {
    console.error(`notice ${kind} not sent:`, error instanceof Error ? error.message : error);
  }
}
