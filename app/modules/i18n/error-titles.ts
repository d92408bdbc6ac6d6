import type { Lang } from "./config.ts";
import { errorTitles as en } from "./resources/en/error-titles.ts";
import { errorTitles as es } from "./resources/es/error-titles.ts";

export type ErrorTitleKey = keyof typeof en;

/**
 * The title of an error page in each language, for route meta functions (no translation
 * instance reaches them). The one exception to "no resource values in the browser's entry"
 * (decision 012): ten short strings per language, a few hundred bytes.
 */
export const ERROR_TITLES: Record<Lang, Record<ErrorTitleKey, string>> = { en, es };
