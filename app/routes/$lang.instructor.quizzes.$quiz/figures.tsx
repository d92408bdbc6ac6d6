// Number formatting for the statistics page, in the page's locale; a missing figure is shown
// as a dash that screen readers hear as "not available".
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent, type Lang } from "~/modules/i18n/index.ts";

export function NotAvailable() {
  const { t } = useTranslation("stats");
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("item.notAvailable")}</span>
    </>
  );
}

export function useFormat(lang: Lang) {
  return {
    count: (value: number) => formatNumber(value, lang),
    share: (value: number | null) => (value === null ? <NotAvailable /> : formatPercent(value, lang)),
    shareText: (value: number) => formatPercent(value, lang),
    correlation: (value: number | null) =>
      value === null ? (
        <NotAvailable />
      ) : (
        formatNumber(value, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      ),
    // Truncated, so an item just under the flag threshold never reads as "15".
    points: (value: number) =>
      formatNumber(value, lang, { maximumFractionDigits: 1, roundingMode: "trunc" } as Intl.NumberFormatOptions),
  };
}

/** The first words of a prompt, for the overview table. */
export function shorten(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).replace(/[\s.,;:]+$/, "")}…`;
}
