// How old a lesson's `reviewed` date is. Plain (not .server) so the instructor pages and
// content:check share one rule: due after 9 months, overdue after 12.

export const REVIEW_DUE_MONTHS = 9;
export const REVIEW_OVERDUE_MONTHS = 12;

export type ReviewStatus = "missing" | "current" | "due" | "overdue" | "future";

/** `YYYY-MM-DD` of `date` in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (31 May + 9 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastDay));
  return isoDay(first);
}

export function reviewStatus(reviewed: string | null | undefined, today: Date): ReviewStatus {
  if (!reviewed) return "missing";
  const now = isoDay(today);
  if (reviewed > now) return "future";
  if (addMonths(reviewed, REVIEW_OVERDUE_MONTHS) < now) return "overdue";
  if (addMonths(reviewed, REVIEW_DUE_MONTHS) < now) return "due";
  return "current";
}
