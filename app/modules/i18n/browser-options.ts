import type { InitOptions } from "i18next";
import { LANGUAGES } from "./config.ts";

// The browser's i18next options (decision 012). No resources: entry.client loads the namespaces
// and languages the page was rendered with (browser-resources.ts), and the backend there brings
// others when a client-side navigation needs them. No fallback language: the typecheck and
// resources.test.ts keep every key in both languages, and a fallback would make i18next fetch
// English chunks on every Spanish page.
export const browserI18nextOptions = {
  supportedLngs: LANGUAGES as readonly string[] as string[],
  fallbackLng: false,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  partialBundledLanguages: true,
  // A namespace or language not loaded yet (a client-side navigation to a page that needs one
  // the first page did not): the hook suspends until its chunk arrives. Navigations are React
  // transitions, so the page shown stays until then instead of showing keys; other updates wait
  // in the Suspense boundary around the page's content (root.tsx).
  react: { useSuspense: true },
} satisfies InitOptions;
