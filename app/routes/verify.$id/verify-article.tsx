// The frame of both verification pages, a training credential's and a clearance's: the
// language switch, the heading, the verdict, the facts list's shared rows (the name in both
// languages, issuer, dates, status) and the footer (when checked, the address, the JSON).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import { isBad, verdictText } from "./verdict.ts";

type Kind = Parameters<typeof verdictText>[1];

export function VerifyArticle({
  kind,
  lang,
  view,
  url,
  pendingFrom,
  children,
}: {
  /** Whose keys the heading and the verdict sentence use. */
  kind: Kind;
  lang: Lang;
  /** What both pages' views have in common. */
  view: {
    verdict: Parameters<typeof verdictText>[2];
    revokedOn: string | null;
    expires: string;
    checkedAt: string;
    jsonPath: string;
  };
  /** The address the page is shown at (a clearance's stable link, not its attestation's). */
  url: string;
  /** The date a not-yet-valid credential or clearance takes effect. */
  pendingFrom: string;
  /** Notes under the verdict, the facts list and anything before the footer. */
  children: ReactNode;
}) {
  const { t } = useTranslation("credentials", { lng: lang });
  const other = otherLang(lang);
  const { verdict, checkedAt, jsonPath } = view;
  const state = verdict.state;
  const dates = { revokedOn: view.revokedOn, expires: view.expires, pendingFrom };
  return (
    <article className="verify" lang={lang}>
      <p className="verify-switch no-print">
        <a href={`?lang=${other}`} hrefLang={other} lang={other}>
          {t("verify.switchLanguage")}
        </a>
      </p>
      <h1>{t(`${kind}.heading` as "verify.heading")}</h1>
      <p className={`verify-verdict verify-${isBad(state) ? "bad" : "good"}`} role="status" data-state={state}>
        <strong>{t(`verify.state.${state}` as "verify.state.valid")}.</strong> {verdictText(t, kind, verdict, dates)}
      </p>
      {children}
      <p className="verify-checked">{t("verify.checked", { date: checkedAt })}</p>
      <p className="verify-url">{url}</p>
      <p className="no-print">
        <a href={jsonPath}>{t("verify.links")}</a>
      </p>
    </article>
  );
}

const otherLang = (lang: Lang): Lang => (lang === "en" ? "es" : "en");

/** A facts list's value: the name in the page's language, then in the other one. */
export function BothNames({ lang, name }: { lang: Lang; name: Record<Lang, string> }) {
  const { t } = useTranslation("credentials", { lng: lang });
  const other = otherLang(lang);
  return (
    <>
      <span lang={lang}>{name[lang]}</span>
      <br />
      <span className="verify-other" lang={other}>
        {t("verify.achievementOther")}: {name[other]}
      </span>
    </>
  );
}

/** The facts list's rows from the issuer to the status, the same on both pages. */
export function ValidityFacts({
  lang,
  issuer,
  issued,
  validFrom,
  expiresLabel,
  expires,
  state,
}: {
  lang: Lang;
  issuer: string;
  issued: string;
  /** Shown only when given (a renewal valid from a later day). */
  validFrom: string | null;
  expiresLabel: string;
  expires: string;
  state: string;
}) {
  const { t } = useTranslation("credentials", { lng: lang });
  return (
    <>
      <dt>{t("verify.issuer")}</dt>
      <dd>{issuer}</dd>
      <dt>{t("verify.issued")}</dt>
      <dd>{issued}</dd>
      {validFrom !== null ? (
        <>
          <dt>{t("verify.validFrom")}</dt>
          <dd>{validFrom}</dd>
        </>
      ) : null}
      <dt>{expiresLabel}</dt>
      <dd>{expires}</dd>
      <dt>{t("verify.status")}</dt>
      <dd>{t(`verify.state.${state}` as "verify.state.valid")}</dd>
    </>
  );
}
