import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ShareLink } from "~/components/share-link.tsx";
import type { Lang } from "~/modules/i18n/index.ts";
import { quizPath } from "~/modules/learning/index.ts";
import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route.tsx";

type Card = SerializeFrom<typeof loader>["credentials"][number];

export function CredentialCard({ lang, credential: c }: { lang: Lang; credential: Card }) {
  const { t } = useTranslation("credentials");
  const other: Lang = lang === "en" ? "es" : "en";
  const headingId = `credential-${c.id}-name`;
  const bad = c.state === "revoked" || c.state === "suspended" || c.state === "expired";
  return (
    <article id={`credential-${c.id}`} className="holder-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{c.name}</h2>
      <p className="verify-other" lang={other}>
        {t("holder.otherLanguage")}: {c.otherName}
      </p>
      <p className={`verify-verdict verify-${bad ? "bad" : "good"}`} data-state={c.state}>
        <strong>
          {t("holder.status")}: {t(`verify.state.${c.state}`)}
        </strong>
        {c.renewed ? <> — {t("holder.renewed", { date: c.expires })}</> : null}
        {c.revokedOn ? <> — {t("holder.revokedOn", { date: c.revokedOn })}</> : null}
        {c.suspendedOn ? <> — {t("holder.suspendedOn", { date: c.suspendedOn })}</> : null}
      </p>
      {c.renews ? <p>{t("holder.renews")}</p> : null}
      <dl className="verify-facts">
        <dt>{t("holder.issued")}</dt>
        <dd>{c.issued}</dd>
        {c.renews ? (
          <>
            <dt>{t("holder.validFrom")}</dt>
            <dd>{c.validFrom}</dd>
          </>
        ) : null}
        <dt>{c.state === "expired" ? t("holder.expired") : t("holder.expires")}</dt>
        <dd>{c.expires}</dd>
        {c.hours !== null ? (
          <>
            <dt>{t("holder.hours")}</dt>
            <dd>
              {c.hours}
              <br />
              <small>{t("verify.hoursNote")}</small>
            </dd>
          </>
        ) : null}
      </dl>
      {c.recertify ? (
        <section aria-labelledby={`${headingId}-recertify`}>
          <h3 id={`${headingId}-recertify`}>{t("holder.recertify.heading")}</h3>
          <p>{t("holder.recertify.window", { days: c.recertify.windowDays, date: c.recertify.opensOn })}</p>
          {c.recertify.open ? <p>{t("holder.recertify.open")}</p> : null}
          {c.recertify.left === null ? (
            <>
              <p>{t("holder.recertify.requires")}</p>
              <ul>
                {c.recertify.requires.map((q) => (
                  <li key={q.id}>{q.title}</li>
                ))}
              </ul>
            </>
          ) : c.recertify.left.length === 0 ? (
            <p>{t("holder.recertify.allPassed")}</p>
          ) : (
            <>
              <p>{t("holder.recertify.left")}</p>
              <ul>
                {c.recertify.left.map((q) => (
                  <li key={q.id}>
                    <Link to={quizPath(lang, q.courseId, q.id)}>{q.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby={`${headingId}-share`} className="holder-share">
        <h3 id={`${headingId}-share`}>{t("holder.share.heading")}</h3>
        <ShareLink
          id={c.id}
          url={c.urls.verify}
          label={t("holder.share.link")}
          qr={c.qr}
          qrLabel={t("holder.share.qrLabel", { url: c.urls.verify })}
          copy={{
            button: t("holder.share.copy"),
            copied: t("holder.share.copied"),
            failed: t("holder.share.copyFailed"),
          }}
          links={
            <ul className="holder-links">
              <li>
                <a href={`${c.urls.verify}?lang=${lang}`}>{t("holder.share.verify")}</a>
              </li>
              <li>
                <a href={c.urls.json}>{t("holder.share.json")}</a>
              </li>
              {c.urls.pdfA4 && c.urls.pdfLetter ? (
                <>
                  <li>
                    <a href={c.urls.pdfA4} download>
                      {t("holder.share.pdfA4")}
                    </a>
                  </li>
                  <li>
                    <a href={c.urls.pdfLetter} download>
                      {t("holder.share.pdfLetter")}
                    </a>
                  </li>
                </>
              ) : (
                <li>{t("holder.share.noPdf")}</li>
              )}
              <li>
                <a href={c.urls.linkedIn} rel="noopener noreferrer" target="_blank">
                  {t("holder.share.linkedIn")} <span className="visually-hidden">{t("holder.share.newWindow")}</span>
                </a>
              </li>
            </ul>
          }
        />
      </section>
      <section aria-labelledby={`${headingId}-confirm`}>
        <h3 id={`${headingId}-confirm`}>{t("holder.confirm.heading")}</h3>
        <p>{c.nameConfirmation ? t("holder.confirm.on") : t("holder.confirm.off")}</p>
        <Form method="post">
          <input type="hidden" name="credentialId" value={c.id} />
          <input type="hidden" name="nameConfirmation" value={c.nameConfirmation ? "off" : "on"} />
          <button type="submit" className="button button--small">
            {c.nameConfirmation ? t("holder.confirm.turnOff") : t("holder.confirm.turnOn")}
          </button>
        </Form>
      </section>
    </article>
  );
}
