// The one place a "not found" or "not allowed" becomes HTTP. Modules return a value, `null`
// (not found) or a `{ ok: false, reason }` result and never build a Response; routes and the
// auth guards turn those into the answers below. A thrown 404/403 renders
// app/components/error-page.tsx, translated, inside the site's layout.
import { isLang, type Lang } from "~/modules/i18n/index.ts";

/** Stops the loader or action with a 404 ("Not Found" page in the URL's language). */
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Stops the loader or action with a 403 ("not allowed" page in the URL's language). */
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** The value a module found, or a thrown 404 when it found nothing (`null`/`undefined`). */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

/** The language of the page, from its `/en` or `/es` prefix; any other prefix is a 404. */
export function requireLang(params: { lang?: string }): Lang {
  return isLang(params.lang) ? params.lang : notFound();
}
