import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fragmentsInDocument, LessonHtmlContext } from "~/components/lesson/lesson-html.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { isLang, DEFAULT_LANG } from "~/modules/i18n/config.ts";
import { i18nextOptions } from "~/modules/i18n/i18next.ts";

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init({ ...i18nextOptions, lng: isLang(lang) ? lang : DEFAULT_LANG });
  // The lesson HTML the document shows and its hydration data left out (lesson-html.tsx).
  const lessonHtml = fragmentsInDocument(document);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <ResponseStatusContext.Provider value={renderedErrorStatus(document)}>
            <LessonHtmlContext.Provider value={lessonHtml}>
              <RemixBrowser />
            </LessonHtmlContext.Provider>
          </ResponseStatusContext.Provider>
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
