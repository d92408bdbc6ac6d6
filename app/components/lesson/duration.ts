import type { TFunction } from "i18next";

/** "45 min" or "5 h 30 min". */
export function duration(t: TFunction<"learning">, totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return t("duration.minutes", { minutes });
  return minutes === 0 ? t("duration.wholeHours", { hours }) : t("duration.hours", { hours, minutes });
}
