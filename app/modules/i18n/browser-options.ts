import type { InitOptions } from "i18next";
import { LANGUAGES } from "./config.ts";

// The browser's i18next options (decision 012). No resources: entry.client loads the languages
// the page was rendered with (browser-resources.ts), and the backend there brings another one
// when a client-side navigation needs it. No fallback language: the typecheck and
// resources.test.ts keep every key in both languages, and a fallback would make i18next fetch
// the English chunk on every Spanish page.
export const browserI18nextOptions = {
  supportedLngs: LANGUAGES as readonly string[] as string[],
  fallbackLng: false,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  partialBundledLanguages: true,
  // Not ready (a language still loading after a client-side navigation): render, then render
  // again when it arrives, rather than suspend outside a Suspense boundary.
  react: { useSuspense: false },
} satisfies InitOptions;
