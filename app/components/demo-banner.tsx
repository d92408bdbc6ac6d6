import { useTranslation } from "react-i18next";

/** Shown on every page while demo accounts, whose password is published, exist. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <p className="demo-banner" role="note">
      <strong>{t("demoBanner.label")}</strong> {t("demoBanner.body")}
    </p>
  );
}
