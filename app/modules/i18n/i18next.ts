import type { InitOptions } from "i18next";
import { DEFAULT_LANG, LANGUAGES } from "./config.ts";
import { NAMESPACES, resources } from "./resources/index.ts";

// Shared by the server and the browser: every string ships in the bundle (both languages are
// small), so the first render and hydration use the same resources with no extra request.
export const i18nextOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANG,
  defaultNS: "common",
  ns: NAMESPACES,
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
