import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { Suspense, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCspNonce } from "~/components/csp-nonce.ts";
import { DemoBanner } from "~/components/demo-banner.tsx";
import { ErrorPage, errorPageTitle } from "~/components/error-page.tsx";
import { LanguageOffer } from "~/components/language-offer.tsx";
import { SiteFooter } from "~/components/site-footer.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { getSessionState } from "~/modules/auth/index.server.ts";
import { loadShell } from "~/modules/web/index.server.ts";
import type { Shell } from "~/modules/web/index.ts";
import { STRINGS_ATTRIBUTE } from "~/modules/i18n/index.ts";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Every page has a title (WCAG 2.4.2): routes set their own; an error page rendered by a
// boundary gets its heading's words (its route's meta never runs), any other page the site's name.
export const meta: MetaFunction = ({ error, location }) => [
  { title: error ? errorPageTitle(error, location.pathname) : "Puente" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shell, headers } = await loadShell(request, params, context);
  // For the request log (server.mjs): the id, never the email. The session was looked up once
  // for the request already (request scope), so this costs nothing.
  if (context) context.userId = (await getSessionState(request)).user?.id;
  return data({ shell }, { headers });
}

export function useShell(): Shell | undefined {
  return useRouteLoaderData<typeof loader>("root")?.shell;
}

/**
 * entry.server adds the strings a page was translated with to `<html>` after rendering it; the
 * browser keeps the attribute as the document has it, so hydration finds what it renders.
 */
function stringsAttribute(): string | undefined {
  return typeof document === "undefined"
    ? undefined
    : (document.documentElement.getAttribute(STRINGS_ATTRIBUTE) ?? undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const shell = useShell();
  const { t, i18n } = useTranslation();
  const lang = shell?.lang ?? i18n.language;
  const nonce = useCspNonce();
  // Another language's strings load first (BrowserStrings.changeLanguage, decision 012).
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  return (
    <html lang={lang} {...{ [STRINGS_ATTRIBUTE]: stringsAttribute() }}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {shell?.demo ? <DemoBanner /> : null}
        <SiteHeader shell={shell} />
        {shell?.languageOffer ? <LanguageOffer lang={shell.languageOffer} /> : null}
        <main id="main" tabIndex={-1}>
          {/* A component whose strings are still loading outside a navigation waits here
              (react-i18next suspends, decision 012); a navigation keeps the old page instead. */}
          <Suspense>{children}</Suspense>
        </main>
        <SiteFooter lang={lang} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
