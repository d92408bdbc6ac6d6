// Browser-safe entry of the i18n module: languages, Intl formatting, the i18next options and the
// loader of the browser's translations (its page's language, a chunk of its own). The options
// with every resource of both languages are in index.server.ts.
export {
  DEFAULT_LANG,
  INTL_LOCALE,
  LANG_COOKIE,
  LANGUAGES,
  isLang,
  otherLang,
  switchLangPath,
  type Lang,
} from "./config.ts";
export {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatDay,
  formatNumber,
  formatPercent,
  isTimeZone,
} from "./format.ts";
export { browserI18nextOptions } from "./browser-options.ts";
export { browserResources, ensureLanguage } from "./browser-resources.ts";
// Types only: importing the resources themselves here would put both languages in every
// browser bundle (esbuild places a file by what imports it, used or not).
export type { Namespace, en, es } from "./resources/index.ts";
export type { Translation } from "./types.ts";
