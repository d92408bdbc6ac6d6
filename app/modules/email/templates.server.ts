import { getFixedT } from "~/modules/i18n/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { OutgoingEmail } from "./send.server.ts";

export type LinkEmailKind = "verify" | "reset" | "changeEmail" | "orgInvitation";

/** Messages that tell the owner of an account what happened to it, with a link to act. */
export type NoticeEmailKind =
  | "passwordChanged"
  | "passwordReset"
  | "emailChanged"
  | "signInFailures"
  | "signUpExisting"
  | "secondFactorReset";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A message of paragraphs, one action link and closing lines, as text and HTML. */
export function composeEmail(
  lang: Lang,
  to: string,
  tag: string,
  subject: string,
  paragraphs: string[],
  link: string,
  closing: string[],
): OutgoingEmail {
  const text = [...paragraphs, link, ...closing].join("\n\n") + "\n";
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1b2733">
${paragraphs.map(p).join("")}
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
${closing.map(p).join("")}</body></html>`;
  return { to, subject, text, html, lang, tag };
}

/** A message with one action link, in the recipient's language. */
export async function linkEmail(
  kind: LinkEmailKind,
  lang: Lang,
  to: string,
  name: string,
  link: string,
  values: Record<string, string | number> = {},
): Promise<OutgoingEmail> {
  const t = await getFixedT(lang);
  return composeEmail(
    lang,
    to,
    kind,
    t(`email:${kind}.subject`, values),
    [t("email:greeting", { name }), t(`email:${kind}.body`, values)],
    link,
    [t("email:ignore"), t("email:signature")],
  );
}

/** A notice about the account, in the recipient's language, with the link that undoes or secures it. */
export async function noticeEmail(
  kind: NoticeEmailKind,
  lang: Lang,
  to: string,
  name: string,
  link: string,
  values: Record<string, string | number> = {},
): Promise<OutgoingEmail> {
  const t = await getFixedT(lang);
  return composeEmail(
    lang,
    to,
    kind,
    t(`email:notices.${kind}.subject`),
    [
      t("email:greeting", { name }),
      t(`email:notices.${kind}.body`, values),
      t(`email:notices.${kind}.ifNotYou`, values),
    ],
    link,
    [t("email:signature")],
  );
}
