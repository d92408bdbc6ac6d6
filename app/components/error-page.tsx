import { Link, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANG, ERROR_TITLES, isLang, type ErrorTitleKey, type Lang } from "~/modules/i18n/index.ts";
import { useResponseStatus } from "./response-status.ts";

type RootData = { shell?: { lang: string; requestId: string | null } };

// Every refusal a person can meet gets its own words; anything else is "something went wrong".
const KIND_BY_STATUS = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "notFound",
  405: "badRequest",
  413: "tooLarge",
  429: "tooManyRequests",
  503: "unavailable",
} as const;

type Kind = (typeof KIND_BY_STATUS)[keyof typeof KIND_BY_STATUS] | "server";

export function errorKind(status: number): Kind {
  return KIND_BY_STATUS[status as keyof typeof KIND_BY_STATUS] ?? "server";
}

const REFUSALS = ["crossSite", "tooLarge"] as const;

/** The status an error page answers with: a thrown Response's, else 500 (503 when the server said busy). */
function statusOf(error: unknown, responseStatus?: number | null): number {
  return isRouteErrorResponse(error) ? error.status : responseStatus === 503 ? 503 : 500;
}

/**
 * The document title of an error page (route meta functions: root.tsx), in the language of the
 * URL: the same words as the page's heading. An error that is not a Response (a failed loader,
 * a busy database) reaches meta sanitized, with no status: the page's words then come from the
 * status the server answered (useResponseStatus), which meta cannot see, so the title is the
 * site's name rather than words that may be wrong ("something went wrong" on a 503).
 */
export function errorPageTitle(error: unknown, pathname: string): string {
  if (!isRouteErrorResponse(error)) return "Puente";
  const lang = isLang(pathname.split("/")[1] ?? "") ? (pathname.split("/")[1] as Lang) : DEFAULT_LANG;
  const refused = refusedWords(error.data);
  const key: ErrorTitleKey = refused
    ? refused.reason === "tooLarge"
      ? "refusedTooLarge"
      : "crossSite"
    : errorKind(error.status);
  return `${ERROR_TITLES[lang][key]} · Puente`;
}

function refusedWords(data: unknown): { reason: (typeof REFUSALS)[number]; limit: string } | null {
  const { refused, limit } = (data ?? {}) as { refused?: unknown; limit?: unknown };
  const reason = REFUSALS.find((r) => r === refused);
  return reason ? { reason, limit: typeof limit === "string" ? limit : "" } : null;
}

/**
 * Translated error page inside the site's layout, in the language of the URL (the server
 * renders with that language even when the root loader itself failed); never a stack trace.
 * `status`: a route that answers with an error status as a page of its own (not a thrown one).
 */
export function ErrorPage({ status: given }: { status?: number } = {}) {
  const error = useRouteError();
  const { t, i18n } = useTranslation("errors");
  const root = useRouteLoaderData("root") as RootData | undefined;
  const lang = root?.shell?.lang ?? i18n.language;
  const requestId = root?.shell?.requestId;
  const responseStatus = useResponseStatus();
  // A thrown Response names its status; any other error is a 500, unless the server answered
  // 503 because the database was busy.
  const status = given ?? statusOf(error, responseStatus);
  const kind = errorKind(status);
  // Refusals made before any route ran (server.mjs) say exactly what was refused.
  const refused = isRouteErrorResponse(error) ? refusedWords(error.data) : null;
  return (
    <div className="page page--narrow error-page" data-status={status}>
      <h1>{refused ? t(`refused.${refused.reason}.title`) : t(`${kind}.title`)}</h1>
      <p>{refused ? t(`refused.${refused.reason}.body`, { limit: refused.limit }) : t(`${kind}.body`)}</p>
      {requestId ? <p className="muted">{t("requestId", { id: requestId })}</p> : null}
      <p>
        <Link to={`/${lang}`} className="button">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
