// The page server.mjs shows when it refuses a request before any route runs (a form sent from
// another site, a body over the limit). It asks for this page with the refusal in the load
// context, so the refusal reads like every other error page, inside the site's layout.
// Opened directly, with no refusal in hand, the page does not exist.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page.tsx";
import { formatBytes, type Refusal } from "~/modules/web/index.server.ts";
import { notFound, requireLang } from "~/modules/web/index.ts";

export function loader({ params, context }: LoaderFunctionArgs): never {
  const lang = requireLang(params);
  const refusal = (context as { refusal?: Refusal }).refusal;
  if (!refusal) notFound();
  const limit = refusal.status === 413 ? formatBytes(refusal.limitBytes, lang) : null;
  throw data({ refused: refusal.reason, limit }, { status: refusal.status });
}

export default function Refused() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
