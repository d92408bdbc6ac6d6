import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import type { ItemStats, OptionCount, UnitStats } from "~/modules/quiz/index.ts";
import { useFormat } from "./figures.tsx";

const GROUPS = ["all", "en", "es"] as const;

function FiguresTable({ item, lang }: { item: ItemStats; lang: Lang }) {
  const { t } = useTranslation("stats");
  const f = useFormat(lang);
  return (
    <div className="table-wrap stats-wrap">
      <table>
        <caption className="visually-hidden">{t("item.figuresCaption", { id: item.itemId })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.group")}</th>
            <th scope="col" className="stats-num">
              {t("columns.responses")}
            </th>
            <th scope="col" className="stats-num">
              {t("columns.correct")}
            </th>
            <th scope="col" className="stats-num">
              {t("columns.meanScore")}
            </th>
            <th scope="col" className="stats-num">
              {t("columns.discrimination")}
            </th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.map((g) => (
            <tr key={g}>
              <th scope="row">{t(`groups.${g}`)}</th>
              <td className="stats-num">{f.count(item[g].responses)}</td>
              <td className="stats-num">{f.share(item[g].shareCorrect)}</td>
              <td className="stats-num">{f.share(item[g].meanScore)}</td>
              <td className="stats-num">{f.correlation(item[g].discrimination)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OptionsTable({ item, options, lang }: { item: ItemStats; options: OptionCount[]; lang: Lang }) {
  const { t } = useTranslation("stats");
  const f = useFormat(lang);
  const cell = (count: number, responses: number) =>
    responses === 0
      ? f.count(count)
      : t("item.chosenCount", { n: f.count(count), share: f.shareText(count / responses) });
  const rows = [
    ...options.map((o) => ({
      key: o.id,
      label: o.text ?? t(o.id === "true" ? "item.true" : "item.false"),
      correct: o.correct,
      chosen: o.chosen,
    })),
    { key: "none", label: t("item.noAnswer"), correct: false, chosen: item.unanswered },
  ];
  return (
    <div className="table-wrap stats-wrap">
      <table>
        <caption className="visually-hidden">{t("item.optionsCaption", { id: item.itemId })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.option")}</th>
            <th scope="col">{t("columns.key")}</th>
            {GROUPS.map((g) => (
              <th scope="col" className="stats-num" key={g}>
                {t(`groups.${g}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="stats-option">
                {row.label}
              </th>
              <td>{row.correct ? <strong>✓ {t("item.correctAnswer")}</strong> : null}</td>
              {GROUPS.map((g) => (
                <td className="stats-num" key={g}>
                  {cell(row.chosen[g], item[g].responses)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemCard({ item, lang, level }: { item: ItemStats; lang: Lang; level: 3 | 4 }) {
  const { t } = useTranslation("stats");
  const f = useFormat(lang);
  const Heading = level === 3 ? "h3" : "h4";
  const headingId = `item-${item.itemId}`;
  return (
    <section className="card stats-item" aria-labelledby={headingId}>
      <Heading id={headingId}>{t("item.heading", { id: item.itemId, type: t(`types.${item.type}`) })}</Heading>
      <p>{item.prompt}</p>
      {item.gap.flagged &&
      item.en.shareCorrect !== null &&
      item.es.shareCorrect !== null &&
      item.gap.points !== null ? (
        <p className="notice notice--warning">
          <span aria-hidden="true">⚑ </span>
          {t("flag.detail", {
            en: f.shareText(item.en.shareCorrect),
            es: f.shareText(item.es.shareCorrect),
            points: f.points(item.gap.points),
          })}
        </p>
      ) : null}
      <FiguresTable item={item} lang={lang} />
      {item.options ? (
        <>
          <OptionsTable item={item} options={item.options} lang={lang} />
          {item.type === "multiple" ? <p className="muted table-note">{t("item.multipleNote")}</p> : null}
        </>
      ) : (
        <p className="muted">{t("item.noOptions")}</p>
      )}
    </section>
  );
}

export function UnitCards({ unit, lang }: { unit: UnitStats; lang: Lang }) {
  const { t } = useTranslation("stats");
  if (!unit.caseId) return <ItemCard item={unit.items[0]!} lang={lang} level={3} />;
  const headingId = `case-${unit.caseId}`;
  return (
    <section className="stats-case" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("item.caseHeading", { id: unit.caseId })}</h3>
      {unit.casePrompt ? <p>{unit.casePrompt}</p> : null}
      <div className="stack">
        {unit.items.map((item) => (
          <ItemCard key={item.itemId} item={item} lang={lang} level={4} />
        ))}
      </div>
    </section>
  );
}
