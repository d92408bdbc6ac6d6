// The invitation an import sends to each new account (and to people offered a staff role),
// in the recipient's language.
import type { OutgoingEmail } from "~/modules/email/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function invitationEmail(input: {
  lang: Lang;
  to: string;
  name: string;
  org: string;
  role: string;
  link: string;
}): Promise<OutgoingEmail> {
  const t = await getFixedT(input.lang);
  const role = t(`common:roles.${input.role}` as "common:roles.learner", { defaultValue: input.role });
  const values = { org: input.org, role };
  const paragraphs = [
    t("email:greeting", { name: input.name }),
    t(input.role === "learner" ? "orgImport:mail.bodyLearner" : "orgImport:mail.bodyRole", values),
  ];
  const closing = [t("orgImport:mail.expiry"), t("orgImport:mail.ignore"), t("email:signature")];
  const text = [...paragraphs, input.link, ...closing].join("\n\n") + "\n";
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html lang="${input.lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1b2733">
${paragraphs.map(p).join("")}
<p><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>
${closing.map(p).join("")}</body></html>`;
  return {
    to: input.to,
    subject: t("orgImport:mail.subject", values),
    text,
    html,
    lang: input.lang,
    tag: "org-invitation",
  };
}
