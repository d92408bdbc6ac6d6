import { Link, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type RootData = { shell?: { lang: string; requestId: string | null } };

/** Translated error page; never shows a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const { t, i18n } = useTranslation("errors");
  const root = useRouteLoaderData("root") as RootData | undefined;
  const lang = root?.shell?.lang ?? i18n.language;
  const requestId = root?.shell?.requestId;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
  return (
    <div className="page page--narrow error-page">
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
