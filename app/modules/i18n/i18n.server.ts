import i18next, { type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LANG, isLang, LANG_COOKIE, LANGUAGES, type Lang } from "./config.ts";
import type { StringsUsed } from "./browser-resources.ts";
import { i18nextOptions } from "./i18next.ts";

export const langCookie = createCookie(LANG_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANG,
    cookie: langCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nextOptions,
});

export function langFromPath(pathname: string): Lang | null {
  const first = pathname.split("/")[1];
  return isLang(first) ? first : null;
}

// remix-i18next builds a new i18next instance per call (about 3 ms); the resources never
// change at run time, so one per language serves every request.
const fixedT = new Map<Lang, ReturnType<RemixI18Next["getFixedT"]>>();

export function getFixedT(lang: Lang) {
  let t = fixedT.get(lang);
  if (!t) {
    t = remixI18n.getFixedT(lang);
    fixedT.set(lang, t);
  }
  return t;
}

const syncT = new Map<Lang, TFunction>();

/**
 * A translator for code that cannot await (labels built inside plain mapping functions). The
 * resources are bundled, so with `initImmediate: false` i18next is ready as soon as it returns.
 */
export function translatorFor(lang: Lang): TFunction {
  let t = syncT.get(lang);
  if (!t) {
    const instance = i18next.createInstance({ ...i18nextOptions, lng: lang, initImmediate: false });
    void instance.init();
    t = instance.t;
    syncT.set(lang, t);
  }
  return t;
}

// One i18next instance per language for rendering, made once: the resources are bundled and
// never change, and nothing on the server changes an instance's language (the root layout's
// changeLanguage runs in an effect, in the browser only), so requests in different languages
// share them concurrently. Creating one per request cost about 5 % of a page's CPU time.
const renderInstances = new Map<Lang, i18n>();

/** The i18next instance that server rendering in `lang` uses (entry.server, cached fragments). */
export function i18nFor(lang: Lang): i18n {
  let instance = renderInstances.get(lang);
  if (!instance) {
    instance = i18next.createInstance({ ...i18nextOptions, lng: lang, initImmediate: false });
    void instance.use(initReactI18next).init();
    renderInstances.set(lang, instance);
  }
  return instance;
}

/** What a document request renders with: its language's instance, noting the strings it used. */
export type RenderingI18n = { i18n: i18n; strings: StringsUsed };

const DEFAULT_NS = i18nextOptions.defaultNS;
const KNOWN_NS = new Set<unknown>(i18nextOptions.ns);

function note(strings: Map<Lang, Set<string>>, lang: Lang, namespaces: unknown): void {
  let set = strings.get(lang);
  if (!set) strings.set(lang, (set = new Set()));
  for (const ns of Array.isArray(namespaces) ? namespaces : [namespaces]) if (KNOWN_NS.has(ns)) set.add(ns as string);
}

/** A key's namespaces: its `ns:` prefix, else the options' `ns`, else the default. */
function namespacesOf(key: unknown, ns: unknown): unknown[] {
  const keys = Array.isArray(key) ? key : [key];
  return keys.map((k) => {
    const at = typeof k === "string" ? k.indexOf(":") : -1;
    return at > 0 ? (k as string).slice(0, at) : (ns ?? DEFAULT_NS);
  });
}

// A page asks for the same few hundred words on every request (header, navigation, footer,
// labels), most without options; i18next's translate was about 7 % of a lesson page's CPU.
// The resources never change at run time, so a word asked for with nothing but its language
// and namespace is looked up once per process. The cap only guards against keys built from
// data; the code's own keys are a few thousand.
const plainWords = new Map<string, unknown>();
const PLAIN_WORDS_MAX = 20_000;
const PLAIN_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);

/** The cache key of a translation that depends on nothing but (language, namespace, key); else null. */
function plainKey(lng: Lang, key: string, options: Record<string, unknown>): string | null {
  for (const name in options) {
    if (!PLAIN_OPTIONS.has(name)) return null;
    const value = options[name];
    if (name === "lng" ? value != null && value !== lng : name !== "ns" && value != null) return null;
  }
  const ns = options.ns;
  if (ns != null && typeof ns !== "string") return null;
  return `${lng}\u0000${(ns as string | undefined) ?? ""}\u0000${key}`;
}

/**
 * A per-request view of `i18nFor(lang)` that notes each language and namespace a word is
 * translated in (`useTranslation(ns, { lng })`, `t(key, { lng, ns })`, `t("ns:key")`): the
 * browser has only the strings entry.server names in the document (decision 012), so it must
 * hear of every one the server used, or hydration meets other words. Every translation goes
 * through the instance's `t` (react-i18next's fixed `t` calls `this.t` with the hook's `lng` and
 * `ns`), which is what the view wraps; `getFixedT` is wrapped too, so a hook whose component
 * translates nothing still has its namespace loaded (the browser's hooks suspend until it is).
 * i18next binds its methods to the instance, so the view takes `getFixedT` unbound from the
 * class, bound to itself.
 */
export function renderingI18n(lang: Lang): RenderingI18n {
  const shared = i18nFor(lang);
  const strings = new Map<Lang, Set<string>>();
  note(strings, lang, []);
  const view = Object.create(shared) as i18n;
  const translate = shared.t as unknown as (...args: unknown[]) => unknown;
  view.t = ((...args: unknown[]) => {
    const options = args[1] && typeof args[1] === "object" ? (args[1] as { lng?: unknown; ns?: unknown }) : {};
    const lng = isLang(options.lng) ? options.lng : lang;
    note(strings, lng, namespacesOf(args[0], options.ns));
    const plain = args.length <= 2 && typeof args[0] === "string" ? plainKey(lng, args[0], options) : null;
    if (plain === null) return translate(...args);
    let word = plainWords.get(plain);
    if (word === undefined) {
      word = translate(...args);
      if (plainWords.size >= PLAIN_WORDS_MAX) plainWords.clear();
      plainWords.set(plain, word);
    }
    return word;
  }) as unknown as i18n["t"];
  const unboundFixedT = (Object.getPrototypeOf(shared) as i18n).getFixedT;
  view.getFixedT = ((lng: unknown, ns: unknown, ...rest: unknown[]) => {
    note(strings, isLang(lng) ? lng : lang, ns ?? DEFAULT_NS);
    return (unboundFixedT as (...args: unknown[]) => unknown).call(view, lng, ns, ...rest);
  }) as unknown as i18n["getFixedT"];
  return { i18n: view, strings };
}
