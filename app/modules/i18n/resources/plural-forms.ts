// CLDR gives Spanish a third plural form, "many", for exact millions (1 000 000, 2 000 000 …),
// and i18next and the browser's translator both look for `key_many` then. Our strings are
// written with "one" and "other" only (English has no more), and "other" is the right words for
// a million, so every `_other` gets a `_many` twin where the file has none. Applied to what the
// server's i18next is given (i18next.ts) and to each namespace the browser loads
// (browser-strings.ts); without it a Spanish count of a million showed English on the server
// and the bare key in the browser.
type Strings = Record<string, unknown>;

export function withManyForms<T extends Strings>(strings: T): T {
  const out: Strings = {};
  for (const [key, value] of Object.entries(strings)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) ? withManyForms(value as Strings) : value;
    if (key.endsWith("_other")) {
      const many = `${key.slice(0, -"_other".length)}_many`;
      if (!Object.hasOwn(strings, many)) out[many] = value;
    }
  }
  return out as T;
}
