// Lesson HTML is sent once. A document request's loader data leaves each section's HTML out
// (null); the server renders it from the fragments its loader kept aside, and the browser,
// before hydrating, reads it back from the document's own elements (data-lesson-html). Data
// requests (client-side navigation, revalidation) carry the HTML in the data as before.
import { createContext, useContext } from "react";

export type FragmentLookup = (key: string) => string | undefined;

export const LessonHtmlContext = createContext<FragmentLookup>(() => undefined);

export const LESSON_HTML_ATTRIBUTE = "data-lesson-html";

/** A section's key is its anchor (which carries the language); footnotes have their own. */
export function footnotesKey(lang: string): string {
  return `footnotes-${lang}`;
}

/** The HTML: from the data when it came with it, else from the document. */
export function useLessonHtml(key: string, html: string | null): string {
  const lookup = useContext(LessonHtmlContext);
  return html ?? lookup(key) ?? "";
}

/** In the browser, before hydration: every lesson fragment the document shows. */
export function fragmentsInDocument(doc: Document): FragmentLookup {
  const found = new Map<string, string>();
  for (const element of doc.querySelectorAll(`[${LESSON_HTML_ATTRIBUTE}]`)) {
    found.set(element.getAttribute(LESSON_HTML_ATTRIBUTE)!, element.innerHTML);
  }
  return (key) => found.get(key);
}

/** A lesson fragment, as a div the browser can read back before hydrating. */
export function LessonHtml({ htmlKey, html, className }: { htmlKey: string; html: string | null; className: string }) {
  const resolved = useLessonHtml(htmlKey, html);
  return (
    <div
      className={className}
      {...{ [LESSON_HTML_ATTRIBUTE]: htmlKey }}
      dangerouslySetInnerHTML={{ __html: resolved }}
    />
  );
}
