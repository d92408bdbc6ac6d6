import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter({ lang }: { lang: string }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>
        <Link to={`/${lang}/privacy`}>{t("footer.privacy")}</Link>
      </p>
    </footer>
  );
}
