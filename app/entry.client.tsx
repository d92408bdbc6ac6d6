import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fragmentsInDocument, DocumentFragmentContext } from "~/components/document-fragment.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { browserBackend, browserI18nextOptions, browserResources, languagesOfDocument } from "~/modules/i18n/index.ts";

async function hydrate() {
  // The languages the server rendered this page in, each from its own chunk, before hydrating:
  // the first render must produce the server's words (decision 012).
  const [lang, ...others] = languagesOfDocument(document);
  const langs = [lang!, ...others];
  const bundles = await Promise.all(langs.map((l) => browserResources(l)));
  await i18next
    .use(browserBackend)
    .use(initReactI18next)
    .init({
      ...browserI18nextOptions,
      lng: lang,
      ns: Object.keys(bundles[0]!),
      resources: Object.fromEntries(langs.map((l, i) => [l, bundles[i]!])),
    });
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
