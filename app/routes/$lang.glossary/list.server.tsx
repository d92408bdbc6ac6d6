// The glossary list as HTML for a document request: the page shows it and its hydration data
// leaves the entries out (see app/components/document-fragment.tsx). The whole list (no
// filter) is the same for every reader of a language, so it is rendered once per language and
// content load; a filtered list is rendered per request.
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import { i18nFor } from "~/modules/i18n/index.server.ts";
import type { GlossaryEntry } from "~/modules/learning/index.server.ts";
import { TermItems } from "./term-entry.tsx";

const wholeLists = new WeakMap<readonly unknown[], Map<Lang, string>>();

function render(lang: Lang, entries: GlossaryEntry[]): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(lang)}>
      <TermItems lang={lang} entries={entries} />
    </I18nextProvider>,
  );
}

/** `content`: the glossary as loaded (a new load, a new render). */
export function glossaryListHtml(lang: Lang, query: string, entries: GlossaryEntry[], content: readonly unknown[]) {
  if (query) return render(lang, entries);
  let byLang = wholeLists.get(content);
  if (!byLang) {
    byLang = new Map();
    wholeLists.set(content, byLang);
  }
  let html = byLang.get(lang);
  if (html === undefined) {
    html = render(lang, entries);
    byLang.set(lang, html);
  }
  return html;
}
