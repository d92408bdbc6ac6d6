// The fields of a new account — name, email, password, (language,) privacy consent — shared
// by the sign-up page and the join-with-a-code page, so both ask the same way.
import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, LanguageField, TextField } from "~/components/forms.tsx";

export function SignUpFields({
  lang,
  fields,
}: {
  lang: string;
  fields: {
    name: FieldMetadata<string>;
    email: FieldMetadata<string>;
    password: FieldMetadata<string>;
    /** Shown when the form asks for the account's language (the join page uses the page's). */
    language?: FieldMetadata<string>;
    privacy: FieldMetadata<string>;
  };
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <TextField meta={fields.name} label={t("fields.name")} autoComplete="name" />
      <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
      <TextField
        meta={fields.password}
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        type="password"
        autoComplete="new-password"
      />
      {fields.language ? <LanguageField meta={fields.language} /> : null}
      <CheckboxField
        meta={fields.privacy}
        label={
          <>
            {t("fields.privacyConsent")}{" "}
            <Link to={`/${lang}/privacy`} target="_blank">
              {t("signUp.privacyLink")}
            </Link>
          </>
        }
      />
    </>
  );
}
