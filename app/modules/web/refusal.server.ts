// The page server.mjs sends when it refuses a request before Remix runs (a cross-site form,
// a body over the limit): a small translated document, since no route or layout is involved.
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { resources } from "~/modules/i18n/index.server.ts";

export type Refusal = { status: 403; reason: "crossSite" } | { status: 413; reason: "tooLarge"; limitBytes: number };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  const number = new Intl.NumberFormat(lang === "es" ? "es-MX" : "en-US", { maximumFractionDigits: 1 });
  return mb >= 1 ? `${number.format(mb)} MB` : `${number.format(bytes / 1024)} KB`;
}

/** The language of a refused request: its URL prefix, else its Accept-Language, else English. */
export function refusalLang(pathname: string, acceptLanguage: string | undefined): Lang {
  const prefix = pathname.split("/")[1];
  if (isLang(prefix)) return prefix;
  return /^\s*es\b/i.test(acceptLanguage ?? "") ? "es" : "en";
}

export function renderRefusal(refusal: Refusal, lang: Lang): string {
  const errors = resources[lang].errors;
  const { title, body } = errors.refused[refusal.reason];
  const text = refusal.status === 413 ? body.replace("{{limit}}", formatBytes(refusal.limitBytes, lang)) : body;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Puente</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/${lang}">${escapeHtml(errors.home)}</a></p>
</main>
</body>
</html>
`;
}
