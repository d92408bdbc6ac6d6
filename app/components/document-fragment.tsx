// Large server-rendered HTML is sent once. A document request's loader data leaves such a
// fragment out (null); the server renders it from what its loader kept aside (the request
// scope's fragments), and the browser, before hydrating, reads it back from the document's own
// elements (data-fragment). Data requests (client-side navigation, revalidation) carry the
// fragment, or what it is made of, in the data as before. Used by the lesson text and the
// glossary list.
import { createContext, useContext, type HTMLAttributes } from "react";

export type FragmentLookup = (key: string) => string | undefined;

export const DocumentFragmentContext = createContext<FragmentLookup>(() => undefined);

const FRAGMENT_ATTRIBUTE = "data-fragment";

/** A lesson's footnotes; a section's key is its anchor (which carries the language). */
export function footnotesKey(lang: string): string {
  return `footnotes-${lang}`;
}

export function glossaryListKey(lang: string): string {
  return `glossary-${lang}`;
}

/** In the browser, before hydration: every fragment the document shows. */
export function fragmentsInDocument(doc: Document): FragmentLookup {
  const found = new Map<string, string>();
  for (const element of doc.querySelectorAll(`[${FRAGMENT_ATTRIBUTE}]`)) {
    found.set(element.getAttribute(FRAGMENT_ATTRIBUTE)!, element.innerHTML);
  }
  return (key) => found.get(key);
}

/**
 * An element whose content is a fragment: `html` when the data brought it, else the one the
 * document carries (server: kept aside by the loader; browser: read back before hydrating).
 */
export function FragmentHtml({
  as: Tag = "div",
  fragmentKey,
  html,
  ...attributes
}: { as?: "div" | "ul"; fragmentKey: string; html: string | null } & HTMLAttributes<HTMLElement>) {
  const lookup = useContext(DocumentFragmentContext);
  const resolved = html ?? lookup(fragmentKey) ?? "";
  return (
    <Tag {...attributes} {...{ [FRAGMENT_ATTRIBUTE]: fragmentKey }} dangerouslySetInnerHTML={{ __html: resolved }} />
  );
}
