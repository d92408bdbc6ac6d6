// What the browser gets of the translations: the namespaces its pages use (not `email`), of one
// language, each language a chunk of its own loaded before hydration (entry.client) and when the
// language changes without a reload (root layout). Decision 008.
import type { i18n } from "i18next";
import type { Lang } from "./config.ts";

export type BrowserResources = Awaited<ReturnType<typeof browserResources>>;

export function browserResources(lang: Lang) {
  return lang === "es"
    ? import("./resources/browser-es.ts").then((m) => m.browser)
    : import("./resources/browser-en.ts").then((m) => m.browser);
}

/** Switches i18next to `lang`, loading that language's chunk first when it is not there yet. */
export async function ensureLanguage(instance: i18n, lang: Lang): Promise<void> {
  if (!instance.hasResourceBundle(lang, "common")) {
    const bundle = await browserResources(lang);
    for (const [ns, strings] of Object.entries(bundle)) instance.addResourceBundle(lang, ns, strings, true, true);
  }
  await instance.changeLanguage(lang);
}
