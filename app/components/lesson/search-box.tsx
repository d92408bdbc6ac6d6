import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import { QUERY_MAX } from "~/modules/learning/index.ts";

/** The site search box (lessons and glossary); a plain GET form, works without JS. */
export function SearchBox({
  lang,
  defaultValue = "",
  id = "site-search",
}: {
  lang: Lang;
  defaultValue?: string;
  id?: string;
}) {
  const { t } = useTranslation("learning");
  const { t: tc } = useTranslation();
  return (
    <Form
      method="get"
      action={`/${lang}/search`}
      role="search"
      aria-label={t("searchBox.label")}
      className="search-box"
    >
      <label htmlFor={id}>{t("searchBox.label")}</label>
      <p id={`${id}-hint`} className="search-box__hint">
        {t("searchBox.hint")}
      </p>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={QUERY_MAX}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
        />
        <button type="submit" className="button">
          {tc("actions.search")}
        </button>
      </div>
    </Form>
  );
}
