// Server entry of the i18n module: the language cookie, language detection for "/", and
// translators fixed to one language for loaders, actions, emails and rendered lessons, and every
// resource of both languages (also what tests read; the browser never imports them, decision 012).
export { i18nextOptions } from "./i18next.ts";
export { NAMESPACES, en, es, resources } from "./resources/index.ts";
export {
  getFixedT,
  i18nFor,
  langCookie,
  langFromPath,
  remixI18n,
  renderingI18n,
  translatorFor,
  type RenderingI18n,
} from "./i18n.server.ts";
