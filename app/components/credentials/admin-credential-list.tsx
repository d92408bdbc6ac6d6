import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CredentialState } from "~/modules/credentials/index.ts";

/** The credentials a person holds, on the platform admin's user page. */
export function AdminCredentialList({
  lang,
  credentials,
}: {
  lang: string;
  credentials: { id: string; name: string; state: CredentialState }[];
}) {
  const { t } = useTranslation("credentials");
  return (
    <section>
      <h2>{t("admin.heading")}</h2>
      {credentials.length === 0 ? (
        <p>{t("admin.none")}</p>
      ) : (
        <ul>
          {credentials.map((c) => (
            <li key={c.id}>
              <Link to={`/${lang}/admin/credentials/${c.id}`}>{c.name}</Link> — {t(`verify.state.${c.state}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
