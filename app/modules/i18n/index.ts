// Browser-safe entry of the i18n module: languages, Intl formatting, the i18next options
// (which carry every resource: both languages ship in the bundle) and the resources themselves.
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
export { i18nextOptions } from "./i18next.ts";
export { NAMESPACES, en, es, resources, type Namespace } from "./resources/index.ts";
export type { Translation } from "./types.ts";
