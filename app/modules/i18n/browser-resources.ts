// What the browser gets of the translations (decision 012): one chunk per language — the very
// object the server uses for that language (resources/strings-<lang>.ts), so no namespace can be
// left out — loaded before hydration for the languages the server rendered the page in
// (`languagesOfDocument`), and through `browserBackend` for a language a later client-side
// navigation needs.
import type { BackendModule, ReadCallback } from "i18next";
import { DEFAULT_LANG, isLang, type Lang } from "./config.ts";

type Strings = Record<string, Record<string, unknown>>;

// A language added to LANGUAGES needs its chunk here (the Record type makes that a type error).
const chunks: Record<Lang, () => Promise<Strings>> = {
  en: () => import("./resources/strings-en.ts").then((m) => m.en),
  es: () => import("./resources/strings-es.ts").then((m) => m.es),
};

export function browserResources(lang: Lang): Promise<Strings> {
  return chunks[lang]();
}

/** Attribute on `<html>` naming every language the server translated the page in (entry.server). */
export const STRINGS_ATTRIBUTE = "data-strings";

/**
 * The languages to load before hydrating, the one to render in first: those entry.server named
 * when the render used another language than `<html lang>` (the side-by-side lesson, a
 * verification page in another language than the site's), else `<html lang>` alone.
 */
export function languagesOfDocument(doc: Document): Lang[] {
  const root = doc.documentElement;
  const listed = (root.getAttribute(STRINGS_ATTRIBUTE) ?? "").split(" ").filter(isLang);
  if (listed.length) return listed;
  return [isLang(root.lang) ? root.lang : DEFAULT_LANG];
}

/** Loads a language's chunk when i18next asks for a language it does not have yet. */
export const browserBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    if (!isLang(language)) return callback(null, {});
    browserResources(language).then(
      (strings) => callback(null, (strings[namespace] ?? {}) as never),
      (error: unknown) => callback(error as Error, false),
    );
  },
};
