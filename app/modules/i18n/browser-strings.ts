// The browser's translations instance (decision 012, session 7): what react-i18next needs of an
// i18next instance, and no more, so that i18next itself (15 KB gzipped) stays on the server.
// react-i18next reads `options`, `language(s)`, `isInitialized`, `hasLoadedNamespace`,
// `getFixedT`, `loadNamespaces`, `loadLanguages` and the `languageChanged` event; words come from
// translate.ts, which gives i18next's results for our strings (translate.test.ts checks every key).
import { browserResources } from "./browser-resources.ts";
import { isLang } from "./config.ts";
import { withManyForms } from "./resources/plural-forms.ts";
import { translate, type TranslateOptions, type Translator } from "./translate.ts";

type Strings = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;
type Done = (error?: unknown) => void;

const list = (value: string | readonly string[]) => (typeof value === "string" ? [value] : [...value]);

export class BrowserStrings {
  language: string;
  languages: string[];
  readonly isInitialized = true;
  /** react-i18next reads `react`, `defaultNS` and `ns` (and pushes a hook's namespaces onto it). */
  readonly options: {
    defaultNS: string;
    ns: string[];
    fallbackLng: false;
    react: { useSuspense: boolean };
  };
  /** No logger: react-i18next's warnings go to the console. */
  readonly services = {};
  private readonly bundles = new Map<string, Strings>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly translator: Translator;

  constructor(lang: string, namespaces: readonly string[]) {
    this.language = lang;
    this.languages = [lang];
    this.options = {
      defaultNS: "common",
      ns: [...namespaces],
      // Every key exists in both languages (typecheck, resources.test.ts); a fallback language
      // would fetch English on every Spanish page.
      fallbackLng: false,
      // A namespace or language not loaded yet suspends the hook until its chunk arrives:
      // navigations are transitions, so the page shown stays meanwhile; other updates wait in
      // the Suspense boundary around the page's content (root.tsx).
      react: { useSuspense: true },
    };
    this.translator = {
      language: () => this.language,
      defaultNS: this.options.defaultNS,
      bundle: (code, ns) => this.bundles.get(`${code}|${ns}`),
      codes: (code) => (isLang(code) ? [code] : []),
    };
  }

  get resolvedLanguage(): string {
    return this.language;
  }

  /**
   * Brings a namespace of a language (once; at the same time for every caller). A chunk that
   * fails to load counts as loaded and empty, as with i18next: its words show as keys rather
   * than the hook suspending again and again.
   */
  private load(lang: string, ns: string): Promise<void> {
    const id = `${lang}|${ns}`;
    let loading = this.loads.get(id);
    if (!loading) {
      const chunk = isLang(lang) ? browserResources(lang, ns) : undefined;
      loading = (chunk ?? Promise.resolve<Strings>({})).then(
        (strings) => void this.bundles.set(id, withManyForms(strings)),
        (error: unknown) => {
          this.bundles.set(id, {});
          throw error;
        },
      );
      this.loads.set(id, loading);
    }
    return loading;
  }

  /**
   * The instance entry.client hydrates with: the page's language, and every language and
   * namespace the server rendered the page with already loaded (`stringsOfDocument`). A chunk
   * that fails rejects: hydrating with other words than the server's would fail anyway.
   */
  static async forDocument(used: readonly { lang: string; namespaces: readonly string[] }[]) {
    const first = used[0]!;
    const strings = new BrowserStrings(first.lang, first.namespaces);
    await Promise.all(used.flatMap(({ lang, namespaces }) => namespaces.map((ns) => strings.load(lang, ns))));
    return strings;
  }

  /** Brings these namespaces in these languages; `done` hears of a chunk that failed. */
  private loadAll(langs: readonly string[], namespaces: readonly string[], done?: Done): Promise<void> {
    const all = Promise.all(langs.flatMap((lang) => namespaces.map((ns) => this.load(lang, ns)))).then(() => {});
    return all.then(
      () => done?.(),
      (error: unknown) => done?.(error),
    );
  }

  hasLoadedNamespace(ns: string, options: { lng?: string } = {}): boolean {
    const lng = options.lng || this.language;
    // A language without strings has nothing to wait for.
    return !isLang(lng) || this.bundles.has(`${lng}|${ns}`);
  }

  loadNamespaces(ns: string | readonly string[], done?: Done): Promise<void> {
    const namespaces = list(ns);
    for (const n of namespaces) if (!this.options.ns.includes(n)) this.options.ns.push(n);
    return this.loadAll([this.language], namespaces, done);
  }

  /** As i18next: every namespace in `options.ns` (react-i18next adds the hook's first). */
  loadLanguages(lngs: string | readonly string[], done?: Done): Promise<void> {
    return this.loadAll(list(lngs), this.options.ns, done);
  }

  async changeLanguage(lng: string): Promise<(key: unknown, options?: unknown) => unknown> {
    await this.loadAll([lng], this.options.ns);
    this.language = lng;
    this.languages = [lng];
    this.emit("languageChanged", lng);
    return (key, options) => this.t(key, options);
  }

  t(key: unknown, options?: unknown): unknown {
    return translate(this.translator, key, options);
  }

  /** i18next's fixed `t`: the language, namespace and key prefix unless the call names its own. */
  getFixedT(lng: string | readonly string[] | null, ns?: string | readonly string[], keyPrefix?: string) {
    return (key: unknown, opts?: unknown) => {
      const options: TranslateOptions =
        typeof opts === "object" && opts !== null
          ? { ...(opts as TranslateOptions) }
          : typeof opts === "string"
            ? { defaultValue: opts }
            : {};
      options.lng = options.lng || (typeof lng === "string" ? lng : undefined);
      options.lngs = options.lngs || (typeof lng === "string" ? undefined : lng);
      options.ns = options.ns || ns;
      if (options.keyPrefix !== "") options.keyPrefix = (options.keyPrefix as string | undefined) || keyPrefix;
      const prefix = options.keyPrefix as string | undefined;
      const prefixed = (k: unknown) => (prefix ? `${prefix}.${k as string}` : k);
      return this.t(Array.isArray(key) && prefix ? key.map(prefixed) : prefixed(key), options);
    };
  }

  on(event: string, listener: Listener): this {
    for (const name of event.split(" ")) {
      let set = this.listeners.get(name);
      if (!set) this.listeners.set(name, (set = new Set()));
      set.add(listener);
    }
    return this;
  }

  off(event: string, listener?: Listener): void {
    if (listener) this.listeners.get(event)?.delete(listener);
    else this.listeners.delete(event);
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}
