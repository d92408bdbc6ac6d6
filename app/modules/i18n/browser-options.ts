import type { InitOptions } from "i18next";
import { DEFAULT_LANG, LANGUAGES } from "./config.ts";

// The options the server and the browser share. The browser's carry no resources: it loads its
// page's language alone (browser-resources.ts, decision 008).
export const browserI18nextOptions = {
  supportedLngs: LANGUAGES as readonly string[] as string[],
  fallbackLng: DEFAULT_LANG,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
