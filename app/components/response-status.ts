// The HTTP status of the document being rendered, for error pages whose error carries none.
// A database that is busy fails a loader with a plain error, which Remix sanitizes to
// "Unexpected Server Error" for the browser; the server still answers 503, and the page must
// say "busy, try again" rather than "something went wrong". The server provides the status
// it answers with; the browser reads it back from the rendered page before hydrating, so
// both render the same words.
import { createContext, useContext } from "react";

export const ResponseStatusContext = createContext<number | null>(null);

export function useResponseStatus(): number | null {
  return useContext(ResponseStatusContext);
}

/** The status the server rendered into the error page, if this document is one. */
export function renderedErrorStatus(doc: Document): number | null {
  const value = Number(doc.querySelector("[data-status]")?.getAttribute("data-status"));
  return Number.isInteger(value) && value >= 400 ? value : null;
}
