import type { InitOptions } from "i18next";
import { DEFAULT_LANG, LANGUAGES } from "./config.ts";
import { NAMESPACES, resources } from "./resources/index.ts";
import { withManyForms } from "./resources/plural-forms.ts";

// Server and tests: every namespace of both languages. The browser has no i18next (its instance
// is browser-strings.ts, decision 012). Server-only: the browser's entry must not import this
// file, or both languages end up in every page's JavaScript.
export const i18nextOptions = {
  supportedLngs: LANGUAGES as readonly string[] as string[],
  fallbackLng: DEFAULT_LANG,
  defaultNS: "common",
  ns: NAMESPACES,
  resources: { en: withManyForms(resources.en), es: withManyForms(resources.es) },
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
