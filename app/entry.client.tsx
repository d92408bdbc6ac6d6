import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fragmentsInDocument, DocumentFragmentContext } from "~/components/document-fragment.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { DEFAULT_LANG, i18nextOptions, isLang } from "~/modules/i18n/index.ts";

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init({ ...i18nextOptions, lng: isLang(lang) ? lang : DEFAULT_LANG });
  // HTML the document shows and its hydration data left out (document-fragment.tsx).
  const lessonHtml = fragmentsInDocument(document);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <ResponseStatusContext.Provider value={renderedErrorStatus(document)}>
            <DocumentFragmentContext.Provider value={lessonHtml}>
              <RemixBrowser />
            </DocumentFragmentContext.Provider>
          </ResponseStatusContext.Provider>
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
