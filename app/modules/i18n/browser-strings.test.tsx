// The browser's instance loads what a page did not bring (decision 012): a namespace or a
// language react-i18next finds missing is fetched from its chunk, and the hook that asked
// renders its words once it is there. The words themselves: translate.test.ts.
import { PassThrough } from "node:stream";
import type { i18n } from "i18next";
import { Suspense, type ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { BrowserStrings } from "./browser-strings.ts";
import { resources } from "./resources/index.ts";

const pageOf = (lang: "en" | "es", ...namespaces: string[]) => BrowserStrings.forDocument([{ lang, namespaces }]);

/** Server rendering that waits for every Suspense boundary, as the browser does after a load. */
function renderAll(strings: BrowserStrings, node: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const stream = renderToPipeableStream(
      <I18nextProvider i18n={strings as unknown as i18n}>
        <Suspense fallback={<p>waiting</p>}>{node}</Suspense>
      </I18nextProvider>,
      {
        onAllReady() {
          const out = new PassThrough();
          let html = "";
          out.on("data", (chunk: Buffer) => (html += chunk.toString()));
          out.on("end", () => resolve(html));
          stream.pipe(out);
        },
        onShellError: reject,
        onError: reject,
      },
    );
  });
}

function QuizWords() {
  const { t } = useTranslation("quiz");
  return <p>{t("intro.start")}</p>;
}

function SpanishColumn() {
  const { t } = useTranslation("learning", { lng: "es" });
  return <p lang="es">{t("lesson.objectives")}</p>;
}

describe("BrowserStrings", () => {
  it("has what the document named before hydrating, and nothing else", async () => {
    const strings = await BrowserStrings.forDocument([
      { lang: "en", namespaces: ["common", "learning"] },
      { lang: "es", namespaces: ["learning"] },
    ]);
    expect(strings.language).toBe("en");
    expect(strings.languages).toEqual(["en"]);
    expect(strings.options.ns).toEqual(["common", "learning"]);
    expect(strings.hasLoadedNamespace("learning")).toBe(true);
    expect(strings.hasLoadedNamespace("learning", { lng: "es" })).toBe(true);
    expect(strings.hasLoadedNamespace("common", { lng: "es" })).toBe(false);
    expect(strings.hasLoadedNamespace("quiz")).toBe(false);
  });

  it("loads a namespace the page did not have and calls back", async () => {
    const strings = await pageOf("en", "common");
    expect(strings.hasLoadedNamespace("quiz")).toBe(false);
    expect(strings.t("quiz:intro.start")).toBe("intro.start");
    await new Promise<void>((done) => void strings.loadNamespaces("quiz", () => done()));
    expect(strings.hasLoadedNamespace("quiz")).toBe(true);
    expect(strings.options.ns).toContain("quiz");
    expect(strings.t("quiz:intro.start")).toBe(resources.en.quiz.intro.start);
  });

  it("loads another language's namespaces and calls back", async () => {
    const strings = await pageOf("en", "common", "learning");
    expect(strings.hasLoadedNamespace("learning", { lng: "es" })).toBe(false);
    await new Promise<void>((done) => void strings.loadLanguages("es", () => done()));
    expect(strings.hasLoadedNamespace("learning", { lng: "es" })).toBe(true);
    expect(strings.t("learning:lesson.objectives", { lng: "es" })).toBe(resources.es.learning.lesson.objectives);
    expect(strings.language).toBe("en");
  });

  it("changes language: loads its namespaces first, then says so", async () => {
    const strings = await pageOf("en", "common", "learning");
    const heard: { lng: unknown; loaded: boolean }[] = [];
    const listener = (lng: unknown) => heard.push({ lng, loaded: strings.hasLoadedNamespace("learning") });
    strings.on("languageChanged", listener);
    const t = await strings.changeLanguage("es");
    expect(heard).toEqual([{ lng: "es", loaded: true }]);
    expect(strings.language).toBe("es");
    expect(strings.languages).toEqual(["es"]);
    expect(t("skipToContent")).toBe(resources.es.common.skipToContent);
    strings.off("languageChanged", listener);
    await strings.changeLanguage("en");
    expect(heard).toHaveLength(1);
  });

  it("counts a namespace that does not exist as loaded and empty (its keys show)", async () => {
    const strings = await pageOf("en", "common");
    await strings.loadNamespaces(["nonsense"]);
    expect(strings.hasLoadedNamespace("nonsense")).toBe(true);
    expect(strings.t("nonsense:a.b")).toBe("a.b");
  });

  it("through react-i18next: a hook whose namespace is missing suspends, then renders its words", async () => {
    const strings = await pageOf("en", "common");
    const html = await renderAll(strings, <QuizWords />);
    expect(html).toContain(resources.en.quiz.intro.start);
    expect(strings.hasLoadedNamespace("quiz")).toBe(true);
  });

  it("through react-i18next: a hook in another language suspends, then renders that language's words", async () => {
    const strings = await pageOf("en", "common", "learning");
    const html = await renderAll(strings, <SpanishColumn />);
    expect(html).toContain(resources.es.learning.lesson.objectives);
  });
});
