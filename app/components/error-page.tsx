import { Link, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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

/**
 * Translated error page inside the site's layout, in the language of the URL (the server
 * renders with that language even when the root loader itself failed); never a stack trace.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t, i18n } = useTranslation("errors");
  const root = useRouteLoaderData("root") as RootData | undefined;
  const lang = root?.shell?.lang ?? i18n.language;
  const requestId = root?.shell?.requestId;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(status);
  return (
    <div className="page page--narrow error-page" data-status={status}>
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.body`)}</p>
      {requestId ? <p className="muted">{t("requestId", { id: requestId })}</p> : null}
      <p>
        <Link to={`/${lang}`} className="button">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
