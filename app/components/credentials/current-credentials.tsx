import { useTranslation } from "react-i18next";

/** A person's current credentials in a people table cell (readiness counts credentials). */
export function CurrentCredentials({
  credentials,
}: {
  credentials: { achievementId: string; name: string; expiring: boolean; expires: string }[];
}) {
  const { t } = useTranslation("credentials");
  if (credentials.length === 0) return <span className="muted">{t("current.none")}</span>;
  return (
    <ul className="plain-list">
      {credentials.map((c) => (
        <li key={c.achievementId}>
          {c.name}{" "}
          {c.expiring ? (
            <span className="badge badge--warning">{t("current.expiring", { date: c.expires })}</span>
          ) : (
            <span className="table-sub">{t("current.until", { date: c.expires })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
