// The verification page of a clearance: issuer, attesting organization, profile, status and
// validity, the holder's initials, and the name check (the typed name is posted, hashed on
// the server with the signed salt, and answered "matches" or "does not match").
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ClearanceVerifyPage } from "~/modules/credentials/index.server.ts";
import { isBad, verdictText } from "./verdict.ts";

type Confirmation = { confirmed: boolean | null; limited: boolean };

export function ClearanceVerification({
  view,
  confirmation,
}: {
  view: ClearanceVerifyPage;
  confirmation: Confirmation | null;
}) {
  const { lang } = view;
  const { t } = useTranslation("credentials", { lng: lang });
  const other = lang === "en" ? "es" : "en";
  const state = view.verdict.state;
  const bad = isBad(state);
  const verdict = verdictText(t, "clearance", view.verdict, {
    revokedOn: view.revokedOn,
    expires: view.expires,
    pendingFrom: view.issued,
  });
  return (
    <article className="verify" lang={lang}>
      <p className="verify-switch no-print">
        <a href={`?lang=${other}`} hrefLang={other} lang={other}>
          {t("verify.switchLanguage")}
        </a>
      </p>
      <h1>{t("clearance.heading")}</h1>
      <p className={`verify-verdict verify-${bad ? "bad" : "good"}`} role="status" data-state={state}>
        <strong>{t(`verify.state.${state}`)}.</strong> {verdict}
      </p>
      {view.superseded ? <p className="verify-note">{t("clearance.superseded", { url: view.linkUrl })}</p> : null}
      <dl className="verify-facts">
        <dt>{t("clearance.holderInitials")}</dt>
        <dd className="verify-holder">{view.initials}</dd>
        <dt>{t("clearance.profile")}</dt>
        <dd>
          <span lang={lang}>{view.profile[lang]}</span>
          <br />
          <span className="verify-other" lang={other}>
            {t("verify.achievementOther")}: {view.profile[other]}
          </span>
        </dd>
        <dt>{t("clearance.attestedBy")}</dt>
        <dd>{view.org}</dd>
        <dt>{t("verify.issuer")}</dt>
        <dd>{view.issuer}</dd>
        <dt>{t("verify.issued")}</dt>
        <dd>{view.issued}</dd>
        <dt>{t("clearance.validUntil")}</dt>
        <dd>{view.expires}</dd>
        <dt>{t("verify.status")}</dt>
        <dd>{t(`verify.state.${state}`)}</dd>
      </dl>
      <p className="verify-note">{t("clearance.explain")}</p>
      <section className="verify-confirm no-print" aria-labelledby="confirm-name">
        <h2 id="confirm-name">{t("clearance.confirmHeading")}</h2>
        <Form method="post">
          <label>
            {t("clearance.confirmName")}
            <input name="name" type="text" autoComplete="off" required maxLength={200} />
          </label>
          <p>
            <small>{t("clearance.confirmHint")}</small>
          </p>
          <button type="submit">{t("clearance.confirm")}</button>
        </Form>
        {confirmation?.limited ? <p role="alert">{t("clearance.tooManyConfirmations")}</p> : null}
        {confirmation?.confirmed === true ? (
          <p role="status" data-name-check="matches">
            {t("clearance.matches")}
          </p>
        ) : null}
        {confirmation?.confirmed === false ? (
          <p role="alert" data-name-check="does-not-match">
            {t("clearance.doesNotMatch")}
          </p>
        ) : null}
      </section>
      <p className="verify-checked">{t("verify.checked", { date: view.checkedAt })}</p>
      <p className="verify-url">{view.linkUrl}</p>
      <p className="no-print">
        <a href={view.jsonPath}>{t("verify.links")}</a>
      </p>
    </article>
  );
}
