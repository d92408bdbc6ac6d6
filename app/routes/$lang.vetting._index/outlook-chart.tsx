// The 180-day outlook: a bar per month drawn on the server as SVG (role="img", with a title
// and a description that says the figures), followed by the same figures as a table.
import { useTranslation } from "react-i18next";

type Month = { month: string; label: string; people: number; items: { label: string; people: number }[] };

const W = 640;
const H = 220;
const TOP = 24;
const BOTTOM = 40;

export function OutlookChart({ months }: { months: Month[] }) {
  const { t } = useTranslation("readiness");
  const max = Math.max(1, ...months.map((m) => m.people));
  const slot = W / Math.max(1, months.length);
  const barWidth = Math.min(64, slot * 0.6);
  const plot = H - TOP - BOTTOM;
  const summary = months.map((m) => t("outlook.monthSummary", { month: m.label, count: m.people })).join("; ");
  return (
    <section aria-labelledby="outlook-heading">
      <h2 id="outlook-heading">{t("outlook.heading")}</h2>
      <p>{t("outlook.intro")}</p>
      <svg
        className="outlook-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="outlook-title outlook-desc"
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="outlook-title">{t("outlook.title")}</title>
        <desc id="outlook-desc">{t("outlook.desc", { summary })}</desc>
        <line x1={0} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} stroke="#1b2733" strokeWidth={1} />
        {months.map((m, i) => {
          const height = Math.round((m.people / max) * plot);
          const x = i * slot + (slot - barWidth) / 2;
          const y = H - BOTTOM - height;
          return (
            <g key={m.month}>
              <rect x={x} y={y} width={barWidth} height={height} fill="#1f5f8b" />
              <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={14} fill="#1b2733">
                {m.people}
              </text>
              <text x={x + barWidth / 2} y={H - BOTTOM + 18} textAnchor="middle" fontSize={12} fill="#1b2733">
                {m.label.split(" ")[0]}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="table-wrap">
        <table>
          <caption>{t("outlook.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outlook.month")}</th>
              <th scope="col">{t("outlook.people")}</th>
              <th scope="col">{t("outlook.why")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                <td>{m.people}</td>
                <td>
                  {m.items.length ? m.items.map((i) => `${i.label} (${i.people})`).join("; ") : t("outlook.nothing")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
