// The server notes every language and namespace a document's render translates words in
// (decision 012), so the browser can load them all before hydrating and render the same words.
import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { stringsAttributeValue, stringsOfDocument } from "./browser-resources.ts";
import { renderingI18n } from "./i18n.server.ts";
import { i18nextOptions } from "./i18next.ts";
import { resources } from "./resources/index.ts";

function PageWords() {
  const { t } = useTranslation("learning");
  return <p>{t("lesson.objectives")}</p>;
}

function OtherColumn() {
  const { t } = useTranslation("learning", { lng: "es" });
  return <p lang="es">{t("lesson.objectives")}</p>;
}

function OtherByOption() {
  const { t } = useTranslation();
  return <p lang="es">{t("skipToContent", { lng: "es" })}</p>;
}

function NamespaceOnly() {
  useTranslation("quiz");
  return <p>nothing translated</p>;
}

function Prefixed() {
  const { t } = useTranslation();
  return <p>{t("errors:notFound.title")}</p>;
}

/** The two things stringsOfDocument reads of a document (the tests run without a DOM). */
function documentWith(lang: string, strings: string | null): Document {
  const documentElement = { lang, getAttribute: (name: string) => (name === "data-strings" ? strings : null) };
  return { documentElement } as unknown as Document;
}

function render(node: React.ReactNode) {
  const rendering = renderingI18n("en");
  const html = renderToString(<I18nextProvider i18n={rendering.i18n}>{node}</I18nextProvider>);
  const strings = Object.fromEntries([...rendering.strings].map(([lang, ns]) => [lang, [...ns].sort()]));
  return {
    html,
    languages: [...rendering.strings.keys()],
    strings,
    attribute: stringsAttributeValue(rendering.strings),
  };
}

describe("renderingI18n", () => {
  it("names the page's language alone when nothing else is translated", () => {
    const { html, languages } = render(<PageWords />);
    expect(html).toContain(resources.en.learning.lesson.objectives);
    expect(languages).toEqual(["en"]);
  });

  it("notes a language asked for through useTranslation's lng, page language first", () => {
    const { html, languages } = render(
      <>
        <PageWords />
        <OtherColumn />
      </>,
    );
    expect(html).toContain(resources.es.learning.lesson.objectives);
    expect(languages).toEqual(["en", "es"]);
  });

  it("notes a language asked for in t's options", () => {
    const { html, languages } = render(<OtherByOption />);
    expect(html).toContain(resources.es.common.skipToContent);
    expect(languages).toEqual(["en", "es"]);
  });

  it("keeps each request's languages apart (the instance underneath is shared)", () => {
    render(<OtherColumn />);
    expect(render(<PageWords />).languages).toEqual(["en"]);
  });

  it("notes each language's namespaces: hooks', options', key prefixes', and a hook that translates nothing", () => {
    const { strings } = render(
      <>
        <PageWords />
        <OtherColumn />
        <OtherByOption />
        <NamespaceOnly />
        <Prefixed />
      </>,
    );
    expect(strings).toEqual({ en: ["common", "errors", "learning", "quiz"], es: ["common", "learning"] });
  });

  it("names them in data-strings as the browser reads them back, the render's language first", () => {
    const { attribute } = render(
      <>
        <PageWords />
        <OtherColumn />
      </>,
    );
    expect(attribute).toBe("en:learning es:learning");
    expect(stringsOfDocument(documentWith("en", attribute))).toEqual([
      { lang: "en", namespaces: ["learning"] },
      { lang: "es", namespaces: ["learning"] },
    ]);
    expect(stringsOfDocument(documentWith("es", null))).toEqual([{ lang: "es", namespaces: ["common"] }]);
  });
});

describe("words looked up once per process", () => {
  // Every key of every namespace (nested keys included), as the code asks for them.
  function keysOf(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }

  it("gives i18next's own words for every key in both languages, asked through a hook's t and twice", () => {
    for (const lang of ["en", "es"] as const) {
      const fresh = i18next.createInstance({ ...i18nextOptions, lng: lang, initImmediate: false });
      void fresh.init();
      for (const [ns, strings] of Object.entries(resources[lang])) {
        for (const key of keysOf(strings)) {
          const expected = fresh.t(key, { ns });
          for (const round of [1, 2]) {
            const view = renderingI18n(lang).i18n;
            expect(view.getFixedT(null, ns)(key as never), `${lang} ${ns}:${key} (${round})`).toBe(expected);
          }
          const other = lang === "en" ? "es" : "en";
          expect(renderingI18n(other).i18n.getFixedT(lang, ns)(key as never)).toBe(fresh.t(key, { ns, lng: lang }));
        }
      }
    }
  });

  it("does not reuse a word asked with values, a count, or another language", () => {
    const view = renderingI18n("en").i18n;
    const t = view.getFixedT(null, "common");
    const plain = t("skipToContent");
    expect(t("skipToContent", { lng: "es" })).toBe(resources.es.common.skipToContent);
    expect(t("skipToContent")).toBe(plain);
    // A word with a variable, wherever it is.
    const [ns, key, text] = Object.entries(resources.en)
      .flatMap(([n, strings]) =>
        keysOf(strings).map((k) => [
          n,
          k,
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], strings),
        ]),
      )
      .find(([, , v]) => typeof v === "string" && /\{\{\w+\}\}/.test(v)) as [string, string, string];
    const variable = /\{\{(\w+)\}\}/.exec(text)![1]!;
    const withValues = view.getFixedT(null, ns);
    const first = withValues(key as never, { [variable]: "Ana" } as never) as unknown as string;
    const second = withValues(key as never, { [variable]: "Luis" } as never) as unknown as string;
    expect(first).toContain("Ana");
    expect(second).toContain("Luis");
  });
});
