import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type ReviewDueRow = {
  lessonId: string;
  title: string;
  module: string;
  href: string | null;
  /** `YYYY-MM-DD`, or null when never reviewed. */
  reviewed: string | null;
  reviewedText: string | null;
  status: "missing" | "due" | "overdue";
};

/** Lessons whose law is due to be checked again (content/README.md, "Keeping the law current"). */
export function ReviewDue({ rows }: { rows: ReviewDueRow[] }) {
  const { t } = useTranslation("workspace");
  return (
    <section aria-labelledby="review-due">
      <h2 id="review-due">{t("reviewDue.heading")}</h2>
      {rows.length === 0 ? (
        <p>{t("reviewDue.none")}</p>
      ) : (
        <>
          <p>{t("reviewDue.intro", { count: rows.length })}</p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("reviewDue.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reviewDue.lesson")}</th>
                  <th scope="col">{t("reviewDue.reviewed")}</th>
                  <th scope="col">{t("reviewDue.status")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.lessonId}>
                    <th scope="row">
                      {row.href ? <Link to={row.href}>{row.title}</Link> : row.title}
                      <p className="muted table-note">{row.module}</p>
                    </th>
                    <td>
                      {row.reviewed ? <time dateTime={row.reviewed}>{row.reviewedText}</time> : t("reviewDue.never")}
                    </td>
                    <td>{t(`reviewDue.statuses.${row.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
