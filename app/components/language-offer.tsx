import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Lang, otherLang } from "~/modules/i18n/index.ts";

/** After signing in on a page in another language than the saved one: save this one? */
export function LanguageOffer({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  const names = { current: t(`languageNames.${lang}`), saved: t(`languageNames.${otherLang(lang)}`) };
  return (
    <div className="notice notice--info language-offer" role="status">
      <Form method="post" action={`/${lang}/account/language`} className="language-offer__form">
        <p>{t("languageOffer.body", names)}</p>
        <input type="hidden" name="language" value={lang} />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        <button type="submit" className="button">
          {t("languageOffer.save", names)}
        </button>
      </Form>
    </div>
  );
}
