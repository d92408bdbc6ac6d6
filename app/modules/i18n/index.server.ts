// Server entry of the i18n module: the language cookie, language detection for "/", and
// translators fixed to one language for loaders, actions, emails and rendered lessons.
export { getFixedT, i18nFor, langCookie, langFromPath, remixI18n, translatorFor } from "./i18n.server.ts";
