import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import type { ItemStats, QuizStats } from "~/modules/quiz/index.ts";
import { NotAvailable, shorten, useFormat } from "./figures.tsx";

function GapCell({ item, lang }: { item: ItemStats; lang: Lang }) {
  const { t } = useTranslation("stats");
  const f = useFormat(lang);
  if (item.gap.points === null) return <NotAvailable />;
  const points = f.points(item.gap.points);
  return item.gap.flagged ? (
    <strong className="stats-flag">
      <span aria-hidden="true">⚑ </span>
      {t("flag.gap", { points })}
    </strong>
  ) : (
    <span className="muted">{t("flag.gapShort", { points })}</span>
  );
}

function Row({ item, lang }: { item: ItemStats; lang: Lang }) {
  const { t } = useTranslation("stats");
  const f = useFormat(lang);
  const byLang = (fig: ItemStats["en"]) =>
    fig.shareCorrect === null ? (
      <NotAvailable />
    ) : (
      t("item.correctOfResponses", { share: f.shareText(fig.shareCorrect), responses: f.count(fig.responses) })
    );
  return (
    <tr className={item.gap.flagged ? "stats-row--flagged" : undefined}>
      <th scope="row">
        <a href={`#item-${item.itemId}`}>{item.itemId}</a> <span className="muted">· {t(`types.${item.type}`)}</span>
        <p className="table-note">{shorten(item.prompt)}</p>
      </th>
      <td className="stats-num">{f.count(item.all.responses)}</td>
      <td className="stats-num">{f.share(item.all.shareCorrect)}</td>
      <td className="stats-num">{f.share(item.all.meanScore)}</td>
      <td className="stats-num">{f.correlation(item.all.discrimination)}</td>
      <td className="stats-num">{byLang(item.en)}</td>
      <td className="stats-num">{byLang(item.es)}</td>
      <td>
        <GapCell item={item} lang={lang} />
      </td>
    </tr>
  );
}

export function OverviewTable({ stats, lang, caption }: { stats: QuizStats; lang: Lang; caption: string }) {
  const { t } = useTranslation("stats");
  return (
    <div className="table-wrap stats-wrap">
      <table className="stats-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.item")}</th>
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
            <th scope="col" className="stats-num">
              {t("columns.english")}
            </th>
            <th scope="col" className="stats-num">
              {t("columns.spanish")}
            </th>
            <th scope="col">{t("columns.languageCheck")}</th>
          </tr>
        </thead>
        {stats.units.map((unit) => (
          <tbody key={unit.caseId ?? unit.items[0]!.itemId}>
            {unit.caseId ? (
              <tr className="stats-case-row">
                <th scope="rowgroup" colSpan={8}>
                  {t("item.caseHeading", { id: unit.caseId })}
                  {unit.casePrompt ? <span className="muted"> — {shorten(unit.casePrompt, 120)}</span> : null}
                </th>
              </tr>
            ) : null}
            {unit.items.map((item) => (
              <Row key={item.itemId} item={item} lang={lang} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
