import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SECOND_FACTOR_RESET_REASONS } from "~/modules/auth/index.ts";

/** The person's authenticator app, and its reset after a lost or replaced phone. */
export function SecondFactorSection({ name, isSelf, enrolled }: { name: string; isSelf: boolean; enrolled: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">{t("user.secondFactor.title")}</h2>
      <p>{t(enrolled ? "user.secondFactor.enrolled" : "user.secondFactor.notEnrolled", { name })}</p>
      {!enrolled ? null : isSelf ? (
        <p>{t("user.secondFactor.selfNote")}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t("user.secondFactor.resetIntro", { name })}</p>
          <input type="hidden" name="intent" value="resetSecondFactor" />
          <div className="field">
            <label htmlFor="reset-reason">{t("user.secondFactor.reason")}</label>
            <select id="reset-reason" name="reason" required defaultValue="">
              <option value="" disabled>
                {t("user.secondFactor.reason")}
              </option>
              {SECOND_FACTOR_RESET_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`user.secondFactor.reasons.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--danger">
            {t("user.secondFactor.reset")}
          </button>
        </Form>
      )}
    </section>
  );
}
