// Browser-safe entry of the i18n module: languages, Intl formatting, the browser's translations
// instance (no i18next in the browser) and the loader of its strings (a chunk per language and
// namespace, decision 012). i18next's options with every resource of both languages, and the
// resources, are in index.server.ts.
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
export { BrowserStrings } from "./browser-strings.ts";
export { ERROR_TITLES, type ErrorTitleKey } from "./error-titles.ts";
export { stringsAttributeValue, stringsOfDocument, STRINGS_ATTRIBUTE, type StringsUsed } from "./browser-resources.ts";
// Types only. The resources themselves (and the server's options, which carry them) are in
// index.server.ts: with code splitting esbuild keeps an import of every chunk a module imports,
// used or not, so one value import of them here would put both languages in every page
// (decision 012).
export type { Namespace, en, es } from "./resources/index.ts";
export type { Translation } from "./types.ts";
