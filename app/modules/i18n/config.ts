export const LANGUAGES = ["en", "es"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "en";
export const LANG_COOKIE = "puente_lang";

// es-MX, not es-ES: Mexican readers group thousands with a comma, like en-US.
export const INTL_LOCALE: Record<Lang, string> = { en: "en-US", es: "es-MX" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "es" : "en";
}

/** `/en/courses?x=1` → `/es/courses?x=1`; paths without a language prefix get one. */
export function switchLangPath(pathWithSearch: string, to: Lang): string {
  const match = /^\/(en|es)(?=\/|$|\?)/.exec(pathWithSearch);
  return match ? `/${to}${pathWithSearch.slice(match[0].length)}` : `/${to}`;
}
