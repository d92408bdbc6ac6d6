import type { InitOptions } from "i18next";
import { browserI18nextOptions } from "./browser-options.ts";
import { DEFAULT_LANG } from "./config.ts";
import { NAMESPACES, resources } from "./resources/index.ts";

// Server and tests: every namespace of both languages. (No object spread here: esbuild would count it as a side effect and keep both languages in
// every browser bundle.)
export const i18nextOptions = {
  supportedLngs: browserI18nextOptions.supportedLngs,
  fallbackLng: DEFAULT_LANG,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  ns: NAMESPACES as readonly string[] as string[],
  resources,
} satisfies InitOptions;
