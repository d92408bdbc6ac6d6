import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/modules/i18n/index.ts";

// Kept in its own file (re-exported here) so pages without forms do not load conform.
export { FormOutcome, Notice } from "./notice.tsx";

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation("auth");
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error">
      {errors.map((key) => t(`fieldErrors.${key}` as "fieldErrors.required", { defaultValue: key })).join(" ")}
    </p>
  );
}

type InputType = "text" | "email" | "password" | "search";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
}: {
  meta: FieldMetadata<string>;
  label: string;
  hint?: string;
  type?: InputType;
  autoComplete?: string;
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** The preferred-language choice of the sign-up and account forms. */
export function LanguageField({ meta }: { meta: FieldMetadata<string> }) {
  const { t } = useTranslation("auth");
  return (
    <SelectField
      meta={meta}
      label={t("fields.language")}
      options={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
    />
  );
}

export function SelectField({
  meta,
  label,
  options,
}: {
  meta: FieldMetadata<string>;
  label: string;
  options: { value: string; label: string }[];
}) {
  const invalid = !!meta.errors?.length;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select
        id={meta.id}
        name={meta.name}
        defaultValue={meta.initialValue as string | undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? meta.errorId : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function CheckboxField({ meta, label }: { meta: FieldMetadata<string>; label: ReactNode }) {
  const invalid = !!meta.errors?.length;
  return (
    <div className="field field--checkbox">
      <input
        type="checkbox"
        id={meta.id}
        name={meta.name}
        defaultChecked={meta.initialValue === "on"}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? meta.errorId : undefined}
      />
      <label htmlFor={meta.id}>{label}</label>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function FormSummary({ errors, message }: { errors?: string[]; message?: string | null }) {
  const { t } = useTranslation();
  if (!message && !errors?.length) return null;
  return (
    <div role="alert" className="notice notice--error">
      {message ?? t("formErrors.summary")}
    </div>
  );
}

// A one-time code input (second factor): the phone's keypad for digits, and the browser may
// offer a code it received (autocomplete="one-time-code").
export function CodeField({
  id,
  label,
  hint,
  error,
  numeric = false,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  numeric?: boolean;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name="code"
        type="text"
        required
        maxLength={64}
        autoComplete="one-time-code"
        inputMode={numeric ? "numeric" : "text"}
        spellCheck={false}
        autoCapitalize="none"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
