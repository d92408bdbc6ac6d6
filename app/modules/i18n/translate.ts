// How the browser turns a key into words (decision 012, session 7): i18next 23's translator,
// reduced to the features our strings use and written to give the same result for them —
// `ns:key` prefixes, nested keys, `_one`/`_other` (and `_zero`) plurals chosen by
// Intl.PluralRules, `{{name}}` interpolation without escaping, `defaultValue`, `returnObjects`,
// and the key itself when nothing is found. No fallback language (as the browser had), no
// `$t()` nesting, no `{{x, format}}`, no `{{-x}}`, no context: resources.test.ts fails if a
// string starts using one. translate.test.ts compares every key of every namespace, in both
// languages, with a real i18next; i18next stays on the server.

/** One language's namespace as loaded, or undefined while it is not. */
export type BundleSource = (lang: string, ns: string) => Record<string, unknown> | undefined;

export type TranslateOptions = {
  count?: unknown;
  lng?: string;
  lngs?: readonly string[] | null;
  ns?: string | readonly string[];
  defaultValue?: unknown;
  returnObjects?: boolean;
  replace?: unknown;
  skipInterpolation?: boolean;
  [option: string]: unknown;
};

export type Translator = {
  /** The language `t` uses when neither the call nor a fixed `t` names one. */
  language: () => string;
  defaultNS: string;
  bundle: BundleSource;
  /** A language's lookup order: itself if known; i18next's `toResolveHierarchy` with no fallback. */
  codes: (lang: string) => string[];
};

// i18next takes a key with one of these for natural language and leaves its ":" alone.
const NATURAL = /( |,|\?|!|;)/;
const NESTING = /\$t\((.+?)\)/g;

function looksLikeObjectPath(key: string): boolean {
  if (!NATURAL.test(key)) return true;
  const dot = key.indexOf(".");
  return dot > 0 && !NATURAL.test(key.substring(0, dot));
}

function extractFromKey(tr: Translator, key: string, options: TranslateOptions) {
  let namespaces: string | readonly string[] = options.ns || tr.defaultNS;
  if (key.includes(":") && looksLikeObjectPath(key) && !key.match(NESTING)) {
    const parts = key.split(":");
    namespaces = parts.shift()!;
    key = parts.join(".");
  }
  return { key, namespaces: typeof namespaces === "string" ? [namespaces] : namespaces };
}

/** `a.b.0` through objects and arrays, own properties only. */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split(".")) {
    if (!value || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const pluralRules = new Map<string, Intl.PluralRules | null>();

/** `_one`, `_other`…: i18next's suffix for a count with Intl.PluralRules ("" for an unknown language). */
function pluralSuffix(lang: string, count: unknown): string {
  let rule = pluralRules.get(lang);
  if (rule === undefined) {
    try {
      rule = new Intl.PluralRules(lang.replace("_", "-"), { type: "cardinal" });
    } catch {
      rule = null;
    }
    pluralRules.set(lang, rule);
  }
  return rule ? `_${rule.select(count as number)}` : "";
}

const isValid = (res: unknown) => res !== undefined && res !== null;
const needsPlural = (options: TranslateOptions) => options.count !== undefined && typeof options.count !== "string";

function resolve(tr: Translator, keys: string[], options: TranslateOptions) {
  let found: unknown;
  let usedKey = "";
  let exactUsedKey = "";
  const plural = needsPlural(options);
  const zero = plural && options.count === 0;
  for (const k of keys) {
    if (isValid(found)) break;
    const { key, namespaces } = extractFromKey(tr, k, options);
    usedKey = key;
    const codes = options.lngs ? options.lngs : tr.codes(options.lng || tr.language());
    for (const ns of namespaces) {
      for (const code of codes) {
        if (isValid(found)) break;
        // Tried last to first: `_zero`, then the count's form, then the bare key.
        const finalKeys = [key];
        if (plural) finalKeys.push(key + pluralSuffix(code, options.count));
        if (zero) finalKeys.push(`${key}_zero`);
        for (let candidate = finalKeys.pop(); candidate && !isValid(found); candidate = finalKeys.pop()) {
          exactUsedKey = candidate;
          found = valueAt(tr.bundle(code, ns), candidate);
        }
      }
    }
  }
  return { res: found, usedKey, exactUsedKey };
}

/**
 * `{{name}}` → the option's value, as i18next does with `escapeValue: false` and its default
 * `skipOnVariables`: a variable not given stays as written (one given as undefined becomes "");
 * the search goes on after the inserted value, so a value is never searched for placeholders,
 * but each replacement replaces the first occurrence of the placeholder's text (i18next's
 * `String.replace`), which may be inside an earlier value. Quirks kept: hydration needs the
 * server's very words.
 */
function interpolate(str: string, data: unknown, options: TranslateOptions): string {
  const regex = /{{(.+?)}}/g;
  let replaces = 0;
  for (let match = regex.exec(str); match; match = regex.exec(str)) {
    const name = match[1]!.trim();
    let value = valueAt(data, name);
    if (value === undefined) {
      if (!Object.hasOwn(options, name)) continue;
      value = "";
    }
    // i18next's makeString: `"" + value` (valueOf before toString), null as "".
    const text = typeof value === "string" ? value : value === null ? "" : "" + (value as string);
    str = str.replace(match[0], () => text);
    regex.lastIndex += text.length - match[0].length;
    if (++replaces >= 1000) break;
  }
  return str;
}

function extend(res: unknown, options: TranslateOptions): unknown {
  if (options.skipInterpolation || typeof res !== "string") return res;
  const data = options.replace && typeof options.replace !== "string" ? options.replace : options;
  return interpolate(res, data, options);
}

const hasDefaultValue = (options: TranslateOptions) =>
  Object.keys(options).some((option) => option.startsWith("defaultValue") && options[option] !== undefined);

/** i18next's `t(keys, options)`: the string (or, with `returnObjects`, the object) for a key. */
export function translate(tr: Translator, keys: unknown, given?: unknown): unknown {
  const options: TranslateOptions =
    typeof given === "object" && given !== null
      ? { ...(given as TranslateOptions) }
      : typeof given === "string"
        ? { defaultValue: given }
        : {};
  if (keys === undefined || keys === null) return "";
  const list = Array.isArray(keys) ? (keys as unknown[]).map(String) : [String(keys)];
  const { key, namespaces } = extractFromKey(tr, list[list.length - 1]!, options);
  const lng = options.lng || tr.language();
  const resolved = resolve(tr, list, options);
  let res = resolved.res;
  if (res && typeof res === "object" && !(res instanceof RegExp)) {
    if (!options.returnObjects) return `key '${key} (${tr.language()})' returned an object instead of string.`;
    // Each leaf goes through translate again, so it is interpolated and pluralized like a key.
    const isArray = Array.isArray(res);
    const base = isArray ? resolved.exactUsedKey : resolved.usedKey;
    const copy: Record<string, unknown> = isArray ? ([] as unknown as Record<string, unknown>) : {};
    for (const m of Object.keys(res)) {
      const deepKey = `${base}.${m}`;
      copy[m] = translate(tr, deepKey, { ...options, joinArrays: false, ns: namespaces });
      if (copy[m] === deepKey) copy[m] = (res as Record<string, unknown>)[m];
    }
    return copy;
  }
  const suffix = needsPlural(options) ? pluralSuffix(lng, options.count) : "";
  const defaultValue =
    (needsPlural(options) && options.count === 0 && options.defaultValue_zero) ||
    options[`defaultValue${suffix}`] ||
    options.defaultValue;
  if (!isValid(res) && hasDefaultValue(options)) res = defaultValue;
  if (!isValid(res)) res = key;
  return extend(res, options);
}
