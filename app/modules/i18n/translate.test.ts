// The browser's instance (browser-strings.ts, translate.ts) against real i18next with the
// server's options and resources: for every key of every namespace in both languages, the same
// words for every kind of call the app makes. The server renders with i18next and the browser
// hydrates with ours, so any difference here is a hydration error on some page (decision 012).
import fc from "fast-check";
import i18next, { type i18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { BrowserStrings } from "./browser-strings.ts";
import { LANGUAGES, otherLang, type Lang } from "./config.ts";
import { i18nextOptions } from "./i18next.ts";
import { NAMESPACES, resources } from "./resources/index.ts";
import { valueAt } from "./translate.ts";

type Call = (key: string, options?: Record<string, unknown>) => unknown;
/** What the tests call of either instance (i18next's types know our keys; these are any strings). */
type Instance = { getFixedT(lng: Lang | null, ns: string | string[]): Call; t: Call };
type Entry = { lang: Lang; ns: string; key: string; vars: string[]; object: boolean };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key a component may ask for: leaves, objects (returnObjects) and plural bases. */
function entries(): Entry[] {
  const found: Entry[] = [];
  for (const lang of LANGUAGES) {
    for (const ns of NAMESPACES) {
      const byKey = new Map<string, { vars: Set<string>; object: boolean }>();
      const add = (key: string, object: boolean, texts: string[]) => {
        const entry = byKey.get(key) ?? { vars: new Set<string>(), object };
        for (const text of texts) for (const m of text.matchAll(/{{(.+?)}}/g)) entry.vars.add(m[1]!.trim());
        byKey.set(key, entry);
      };
      const walk = (value: unknown, key: string): string[] => {
        if (typeof value === "string") {
          add(key, false, [value]);
          if (PLURAL.test(key)) add(key.replace(PLURAL, ""), false, [value]);
          return [value];
        }
        const texts = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
          walk(v, key ? `${key}.${k}` : k),
        );
        if (key) add(key, true, texts);
        return texts;
      };
      walk(resources[lang][ns], "");
      for (const [key, { vars, object }] of byKey) found.push({ lang, ns, key, vars: [...vars].sort(), object });
    }
  }
  return found;
}

let server: i18n;
let real: Instance;
let ours: Instance;
const all = entries();

beforeAll(async () => {
  server = i18next.createInstance({ ...i18nextOptions, lng: "en", initImmediate: false });
  await server.init();
  real = server as unknown as Instance;
  ours = (await BrowserStrings.forDocument(LANGUAGES.map((lang) => ({ lang, namespaces: NAMESPACES })))) as Instance;
});

function both(lang: Lang | null, ns: string | string[]): [Call, Call] {
  return [real.getFixedT(lang, ns), ours.getFixedT(lang, ns)];
}

/** Every difference between the two for these calls, as text (an empty list when they agree). */
function differences(calls: { lang: Lang; ns: string; key: string; options?: Record<string, unknown> }[]) {
  const out: string[] = [];
  for (const { lang, ns, key, options } of calls) {
    const [expected, actual] = both(lang, ns).map((t) => t(key, options));
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      out.push(
        `${lang} ${ns}:${key} ${JSON.stringify(options)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
      );
  }
  return out;
}

const values = (vars: string[], make: (name: string) => unknown) => Object.fromEntries(vars.map((v) => [v, make(v)]));

describe("the browser's strings give i18next's words", () => {
  it("walks thousands of keys, objects and plurals of every namespace", () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.some((e) => e.object)).toBe(true);
    expect(all.some((e) => e.vars.includes("count"))).toBe(true);
  });

  it("for every key with no options, counts 0/1/2/21 and every variable it names", () => {
    const calls = all.flatMap(({ lang, ns, key, vars }) =>
      [
        undefined,
        ...[0, 1, 2, 21, 1_000_000].map((count) => ({ count })),
        values(vars, (v) => `«${v}»`),
        ...[0, 1, 21].map((count) => ({ ...values(vars, (v) => `<${v} $& $1 {{x}}>`), count })),
      ].map((options) => ({ lang, ns, key, options })),
    );
    expect(differences(calls)).toEqual([]);
  });

  it("for every key and object with returnObjects, with and without values and a count", () => {
    const calls = all.flatMap(({ lang, ns, key, vars }) =>
      [{ returnObjects: true }, { returnObjects: true, ...values(vars, (v) => `[${v}]`), count: 1 }].map((options) => ({
        lang,
        ns,
        key,
        options,
      })),
    );
    expect(differences(calls)).toEqual([]);
  });

  it("for every key through an `ns:` prefix from another namespace, and in the other language by `lng`", () => {
    const prefixed = all.map(({ lang, ns, key, vars }) => ({
      lang,
      ns: ns === "common" ? "errors" : "common",
      key: `${ns}:${key}`,
      options: { ...values(vars, (v) => v.toUpperCase()), count: 2 },
    }));
    const otherLanguage = all.map(({ lang, ns, key }) => ({
      lang,
      ns,
      key,
      options: { lng: otherLang(lang), count: 1 },
    }));
    expect(differences([...prefixed, ...otherLanguage])).toEqual([]);
  });

  it("for keys that do not exist: the key itself, or the default value interpolated", () => {
    const calls = LANGUAGES.flatMap((lang) =>
      ["nope", "lesson.nope", "nope.deeper.still", "learning:nope", "nope:lesson.title", "a b: c", ""].flatMap((key) =>
        [
          undefined,
          { count: 2 },
          { defaultValue: "" },
          { defaultValue: "Hi {{name}}", name: "Ana" },
          { defaultValue: "one", defaultValue_other: "{{count}} many", count: 3 },
          { defaultValue: "none", defaultValue_zero: "zero", count: 0 },
        ].map((options) => ({ lang, ns: "learning", key, options })),
      ),
    );
    expect(differences(calls)).toEqual([]);
  });

  it("for a hook of several namespaces (the first is the default) and for the instance's own language", () => {
    const calls = all.slice(0, 400);
    for (const { lang, ns, key } of calls) {
      const [expected, actual] = both(lang, [ns, "common"]);
      expect(actual(key), key).toEqual(expected(key));
    }
    const [expected, actual] = both(null, "common");
    expect(actual("skipToContent")).toBe(expected("skipToContent"));
    expect(ours.t("learning:lesson.objectives")).toBe(real.t("learning:lesson.objectives"));
  });

  it("for random values (placeholders, `$` patterns, unicode), counts and options", () => {
    const withVars = all.filter((e) => e.vars.length > 0);
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        " ",
        "{{",
        "}}",
        "{",
        "}",
        "$",
        "$&",
        "$'",
        "$`",
        "$1",
        "-",
        ",",
        "ñ",
        "😀",
        "\u0301",
        "count",
        "name",
        "{{name}}",
        "{{count}}",
        "$t(",
      ),
      maxLength: 12,
    });
    const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean());
    // Below a million: Spanish has a "many" form there, which the resources lack (see the last test).
    const count = fc.oneof(
      fc.integer({ min: -999_999, max: 999_999 }),
      fc.double({ min: -999_999, max: 999_999, noNaN: false }),
      fc.constant(undefined),
      fc.constant("3"),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...withVars),
        fc.array(value, { minLength: 1, maxLength: 6 }),
        count,
        fc.record({ lng: fc.boolean(), returnObjects: fc.boolean(), prefix: fc.boolean(), omit: fc.nat(6) }),
        ({ lang, ns, key, vars }, picks, n, how) => {
          const options: Record<string, unknown> = {};
          vars.forEach((v, i) => {
            if (i !== how.omit) options[v] = picks[i % picks.length];
          });
          if (n !== undefined || how.omit % 2) options.count = n;
          if (how.lng) options.lng = otherLang(lang);
          if (how.returnObjects) options.returnObjects = true;
          const call = how.prefix ? { lang, ns: "common", key: `${ns}:${key}`, options } : { lang, ns, key, options };
          expect(differences([call])).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("a Spanish count of a million ('many' in CLDR) takes the 'other' words, on the server and in the browser", () => {
    expect(new Intl.PluralRules("es").select(1_000_000)).toBe("many");
    const plurals = all.filter((e) => e.lang === "es" && valueAt(resources.es[e.ns as "common"], `${e.key}_other`));
    expect(plurals.length).toBeGreaterThan(10);
    for (const plural of plurals) {
      const other = valueAt(resources.es[plural.ns as "common"], `${plural.key}_other`) as string;
      const [onServer, inBrowser] = both("es", plural.ns);
      const options = { ...values(plural.vars, (v) => `<${v}>`), count: 1_000_000 };
      const expected = other.replace(/{{(.+?)}}/g, (_, v: string) =>
        v.trim() === "count" ? "1000000" : `<${v.trim()}>`,
      );
      expect(onServer(plural.key, options), plural.key).toBe(expected);
      expect(inBrowser(plural.key, options), plural.key).toBe(expected);
    }
  });
});
