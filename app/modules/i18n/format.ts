import { INTL_LOCALE, type Lang } from "./config.ts";

export const DEFAULT_TIME_ZONE = "America/Mexico_City";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl formatter costs ~100 times what formatting with it does (a cohort page of 50
// rows formats hundreds of numbers and dates), so each shape is built once per process. The
// key space is small and fixed by the code: languages × time zones × option shapes it uses.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${options ? JSON.stringify(options) : ""}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[lang], options)));
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(INTL_LOCALE[lang], options)));
  return format;
}

export function formatDate(value: Date | string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(lang, { dateStyle: "long", timeZone }).format(new Date(value));
}

/** A calendar day written `YYYY-MM-DD` (a review date), the same day in every time zone. */
export function formatDay(day: string, lang: Lang): string {
  return formatDate(`${day}T12:00:00Z`, lang, "UTC");
}

export function formatDateTime(value: Date | string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(lang, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(value));
}

export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return numberFormat(lang, options).format(value);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return numberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}
