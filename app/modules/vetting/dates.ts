// Calendar arithmetic shared by vetting checks and credentials (credentials import it from
// here, since they already depend on this module to keep readiness current).

/** The same instant `months` later; 31 January + 1 month is the last day of February, not 3 March. */
export function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  const day = next.getUTCDate();
  next.setUTCMonth(next.getUTCMonth() + months);
  if (next.getUTCDate() !== day) next.setUTCDate(0);
  return next;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → that calendar day at UTC midnight, or null. */
export function parseDay(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const m = DAY_RE.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}

/** A calendar day as `YYYY-MM-DD` (UTC), for forms and audit data. */
export const dayString = (date: Date): string => date.toISOString().slice(0, 10);

/** The UTC calendar day holding `now`, at midnight. */
export const todayOf = (now: Date): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
