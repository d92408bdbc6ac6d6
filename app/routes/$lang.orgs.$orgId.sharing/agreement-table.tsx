import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AgreementState } from "~/modules/sharing/index.ts";

export type AgreementView = {
  id: string;
  direction: "outgoing" | "incoming";
  partner: string;
  profiles: string[];
  until: string;
  proposedOn: string;
  state: AgreementState;
};

type Action = "accept" | "decline" | "end" | "withdraw";

export function AgreementTable({
  rows,
  caption,
  actions,
}: {
  rows: AgreementView[];
  caption: string;
  actions: Action[];
}) {
  const { t } = useTranslation("sharing");
  return (
    <div className="table-wrap">
      <table className="table--wide">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.partner")}</th>
            <th scope="col">{t("columns.profiles")}</th>
            <th scope="col">{t("columns.until")}</th>
            <th scope="col">{t("columns.state")}</th>
            <th scope="col">{t("columns.proposedOn")}</th>
            {actions.length ? <th scope="col">{t("columns.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.partner}
                <span className="table-sub">{t(`direction.${a.direction}`, { partner: a.partner })}</span>
              </th>
              <td>{a.profiles.join(", ")}</td>
              <td>{t("until", { date: a.until })}</td>
              <td>{t(`states.${a.state}`)}</td>
              <td>{a.proposedOn}</td>
              {actions.length ? (
                <td>
                  <Form method="post" className="button-row">
                    <input type="hidden" name="agreementId" value={a.id} />
                    {actions.map((action) => (
                      <button
                        key={action}
                        type="submit"
                        name="intent"
                        value={action === "withdraw" ? "end" : action}
                        className={action === "accept" ? "button" : "button button--secondary"}
                      >
                        {t(action)}
                      </button>
                    ))}
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
