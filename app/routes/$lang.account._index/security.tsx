import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Security = { otherSessions: number; hasSecondFactor: boolean; idleMinutes: number; absoluteHours: number };

/** Sessions (and signing out the others) and, with an authenticator, new recovery codes. */
export function AccountSecurity({ lang, security }: { lang: string; security: Security }) {
  const { t } = useTranslation("auth");
  const limits = { idle: security.idleMinutes, hours: security.absoluteHours };
  return (
    <>
      <h2>{t("account.sessions.title")}</h2>
      <p>
        {security.otherSessions > 0
          ? t("account.sessions.intro", { count: security.otherSessions, ...limits })
          : t("account.sessions.none", limits)}
      </p>
      {security.otherSessions > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="signOutOthers" />
          <button type="submit" className="button button--secondary">
            {t("account.sessions.signOutOthers")}
          </button>
        </Form>
      ) : null}
      {security.hasSecondFactor ? (
        <>
          <h2>{t("account.recovery.title")}</h2>
          <p>{t("account.recovery.intro")}</p>
          <p>
            <Link to={`/${lang}/account/recovery-codes`}>{t("account.recovery.link")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
