import type { TFunction } from "i18next";

/** "45 min" or "5 h 30 min". */
export function duration(t: TFunction<"learning">, totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours === 0 ? t("duration.minutes", { minutes }) : t("duration.hours", { hours, minutes });
}
