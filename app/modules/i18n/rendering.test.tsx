// The server notes every language and namespace a document's render translates words in
// (decision 012), so the browser can load them all before hydrating and render the same words.
import { renderToString } from "react-dom/server";
import { I18nextProvider, useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { stringsAttributeValue, stringsOfDocument } from "./browser-resources.ts";
import { renderingI18n } from "./i18n.server.ts";
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
