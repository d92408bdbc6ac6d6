import { useTranslation } from "react-i18next";
import type { Answer, PublicItem } from "~/modules/quiz/index.ts";

// Every item type is answered with native controls (radios, checkboxes, selects, inputs), so
// keyboard and screen-reader users need nothing extra — matching and ordering included.
export function ItemFields({
  item,
  number,
  saved,
  error,
}: {
  item: PublicItem;
  number: number;
  saved: Answer | undefined;
  /** Why the server refused this answer, shown under the question. */
  error?: string;
}) {
  const { t } = useTranslation("quiz");
  const legendId = `${item.key}-legend`;
  const errorId = `${item.key}-error`;
  const legend = (
    <>
      <legend id={legendId}>
        <span className="quiz-item__number">{t("attempt.question", { number })}</span>
        <span className="quiz-item__prompt">{item.prompt}</span>
      </legend>
      {error ? (
        <p id={errorId} className="field__error quiz-item__error">
          {error}
        </p>
      ) : null}
    </>
  );
  const fieldset = {
    className: error ? "quiz-item quiz-item--invalid" : "quiz-item",
    "aria-describedby": error ? errorId : undefined,
    "aria-invalid": error ? true : undefined,
  };
  switch (item.type) {
    case "single":
    case "multiple": {
      const chosen = saved?.type === "single" ? [saved.choice] : saved?.type === "multiple" ? saved.choices : [];
      return (
        <fieldset {...fieldset}>
          {legend}
          {/* Always sent, so unticking every box clears a saved answer. */}
          <input type="hidden" name={item.key} value="" />
          {item.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type={item.type === "single" ? "radio" : "checkbox"}
                name={item.key}
                value={o.id}
                defaultChecked={chosen.includes(o.id)}
              />
              <span>{o.text}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "true-false": {
      const value = saved?.type === "true-false" ? String(saved.value) : undefined;
      return (
        <fieldset {...fieldset}>
          {legend}
          <input type="hidden" name={item.key} value="" />
          {(["true", "false"] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name={item.key} value={v} defaultChecked={value === v} />
              <span>{t(`attempt.${v}`)}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "matching": {
      const matches = saved?.type === "matching" ? saved.matches : {};
      return (
        <fieldset {...fieldset}>
          {legend}
          <p className="field__hint">{t("attempt.matchingHint")}</p>
          {item.lefts.map((left) => (
            <div key={left.id} className="match-row">
              <label htmlFor={`${item.key}.${left.id}`}>{left.text}</label>
              <select
                id={`${item.key}.${left.id}`}
                name={`${item.key}.${left.id}`}
                defaultValue={matches[left.id] ?? ""}
              >
                <option value="">{t("attempt.choose")}</option>
                {item.rights.map((right) => (
                  <option key={right.id} value={right.id}>
                    {right.text}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      );
    }
    case "ordering": {
      const order = saved?.type === "ordering" ? saved.order : [];
      return (
        <fieldset {...fieldset}>
          {legend}
          <p className="field__hint">{t("attempt.orderingHint")}</p>
          {item.steps.map((step) => {
            const position = order.indexOf(step.id);
            return (
              <div key={step.id} className="match-row">
                <label htmlFor={`${item.key}.${step.id}`}>{step.text}</label>
                <select
                  id={`${item.key}.${step.id}`}
                  name={`${item.key}.${step.id}`}
                  defaultValue={position >= 0 ? String(position + 1) : ""}
                  aria-label={`${t("attempt.position")}: ${step.text}`}
                >
                  <option value="">{t("attempt.position")}</option>
                  {item.steps.map((_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case "numeric":
    case "short-text": {
      const value = saved?.type === "numeric" ? String(saved.value) : saved?.type === "short-text" ? saved.text : "";
      const hintId = `${item.key}-hint`;
      return (
        <fieldset {...fieldset}>
          {legend}
          <div className="field field--inline">
            {item.type === "numeric" ? (
              <p id={hintId} className="field__hint">
                {t("attempt.numericHint")}
              </p>
            ) : null}
            <span className="input-with-unit">
              <input
                type="text"
                name={item.key}
                defaultValue={value}
                inputMode={item.type === "numeric" ? "decimal" : undefined}
                autoComplete="off"
                maxLength={200}
                aria-labelledby={legendId}
                aria-describedby={
                  [item.type === "numeric" ? hintId : "", error ? errorId : ""].join(" ").trim() || undefined
                }
                aria-invalid={error ? true : undefined}
              />
              {item.type === "numeric" && item.unit ? <span>{item.unit}</span> : null}
            </span>
          </div>
        </fieldset>
      );
    }
  }
}
