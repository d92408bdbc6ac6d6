import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fragmentsInDocument, DocumentFragmentContext } from "~/components/document-fragment.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { browserBackend, browserI18nextOptions, browserResources, stringsOfDocument } from "~/modules/i18n/index.ts";

async function hydrate() {
  // The languages and namespaces the server rendered this page with, each from its own chunk,
  // before hydrating: the first render must produce the server's words (decision 012).
  const used = stringsOfDocument(document);
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  await Promise.all(
    used.flatMap(({ lang, namespaces }) =>
      namespaces.map(async (ns) => {
        const strings = await browserResources(lang, ns);
        (resources[lang] ??= {})[ns] = strings ?? {};
      }),
    ),
  );
  await i18next
    .use(browserBackend)
    .use(initReactI18next)
    .init({
      ...browserI18nextOptions,
      lng: used[0]!.lang,
      ns: used[0]!.namespaces,
      resources,
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
