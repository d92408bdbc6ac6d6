import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fragmentsInDocument, DocumentFragmentContext } from "~/components/document-fragment.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { browserI18nextOptions, browserResources, DEFAULT_LANG, isLang } from "~/modules/i18n/index.ts";

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const lang = isLang(htmlLang) ? htmlLang : DEFAULT_LANG;
  // Only this page's language, from its own chunk (decision 008); another is loaded on change.
  const bundle = await browserResources(lang);
  await i18next
    .use(initReactI18next)
    .init({ ...browserI18nextOptions, lng: lang, ns: Object.keys(bundle), resources: { [lang]: bundle } });
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
