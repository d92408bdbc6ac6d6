import { getFixedT } from "~/modules/i18n/i18n.server.ts";
import type { Lang } from "~/modules/i18n/config.ts";
import type { OutgoingEmail } from "./send.server.ts";

export type LinkEmailKind = "verify" | "reset" | "changeEmail";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A message with one action link, in the recipient's language. */
export async function linkEmail(
  kind: LinkEmailKind,
  lang: Lang,
  to: string,
  name: string,
  link: string,
): Promise<OutgoingEmail> {
  const t = await getFixedT(lang);
  const greeting = t("email:greeting", { name });
  const subject = t(`email:${kind}.subject`);
  const body = t(`email:${kind}.body`);
  const ignore = t("email:ignore");
  const signature = t("email:signature");
  const text = [greeting, "", body, "", link, "", ignore, "", signature, ""].join("\n");
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1b2733">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p>${escapeHtml(ignore)}</p><p>${escapeHtml(signature)}</p></body></html>`;
  return { to, subject, text, html, lang, tag: kind };
}
