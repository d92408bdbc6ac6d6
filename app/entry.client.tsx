import { RemixBrowser } from "@remix-run/react";
import type { i18n } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { fragmentsInDocument, DocumentFragmentContext } from "~/components/document-fragment.tsx";
import { renderedErrorStatus, ResponseStatusContext } from "~/components/response-status.ts";
import { BrowserStrings, stringsOfDocument } from "~/modules/i18n/index.ts";

async function hydrate() {
  // The languages and namespaces the server rendered this page with, each from its own chunk,
  // before hydrating: the first render must produce the server's words (decision 012). The
  // instance is ours, not i18next's: react-i18next uses only what BrowserStrings has.
  const strings = await BrowserStrings.forDocument(stringsOfDocument(document));
  // HTML the document shows and its hydration data left out (document-fragment.tsx).
  const lessonHtml = fragmentsInDocument(document);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={strings as unknown as i18n}>
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
