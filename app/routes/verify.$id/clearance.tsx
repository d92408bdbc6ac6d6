// The verification page of a clearance: issuer, attesting organization, profile, status and
// validity, the holder's initials, and the name check (the typed name is posted, hashed on
// the server with the signed salt, and answered "matches" or "does not match").
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ClearanceVerifyPage } from "~/modules/credentials/index.server.ts";
import { BothNames, ValidityFacts, VerifyArticle } from "./verify-article.tsx";

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
  return (
    <VerifyArticle kind="clearance" lang={lang} view={view} url={view.linkUrl} pendingFrom={view.issued}>
      {view.superseded ? <p className="verify-note">{t("clearance.superseded", { url: view.linkUrl })}</p> : null}
      <dl className="verify-facts">
        <dt>{t("clearance.holderInitials")}</dt>
        <dd className="verify-holder">{view.initials}</dd>
        <dt>{t("clearance.profile")}</dt>
        <dd>
          <BothNames lang={lang} name={view.profile} />
        </dd>
        <dt>{t("clearance.attestedBy")}</dt>
        <dd>{view.org}</dd>
        <ValidityFacts
          lang={lang}
          issuer={view.issuer}
          issued={view.issued}
          validFrom={null}
          expiresLabel={t("clearance.validUntil")}
          expires={view.expires}
          state={view.verdict.state}
        />
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
    </VerifyArticle>
  );
}
