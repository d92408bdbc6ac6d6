// The supervisor's outlook: over the next 180 days, how many people lapse each month and on
// which requirement — built from the same lapses the status rules compute (lapsesBetween),
// so it can never disagree with the table.
import type { OutlookMonth } from "./dashboard.ts";
import { lapsesBetween, type ReadinessFilter } from "./readiness.server.ts";

export const OUTLOOK_DAYS = 180;
const DAY_MS = 86_400_000;

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** Every calendar month (UTC) from `from`'s to the one holding the last instant before `to`. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const last = monthOf(new Date(to.getTime() - 1));
  for (;;) {
    const m = monthOf(cursor);
    out.push(m);
    if (m >= last) return out;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
}

export type Outlook = { from: Date; to: Date; months: OutlookMonth[] };

/**
 * People of the caller's organizations (with the dashboard's filters) whose requirements lapse
 * between `now` and 180 days later, by month. A person lapsing twice in a month counts once
 * in that month (and once under each requirement that lapses).
 */
export async function readinessOutlook(input: {
  orgIds: readonly string[];
  filter: ReadinessFilter;
  now: Date;
}): Promise<Outlook> {
  const from = input.now;
  const to = new Date(from.getTime() + OUTLOOK_DAYS * DAY_MS);
  const lapses = await lapsesBetween({ orgIds: input.orgIds, from, to, filter: input.filter, now: input.now });
  const people = new Map<string, Set<string>>();
  const items = new Map<string, Map<string, Set<string>>>();
  for (const lapse of lapses) {
    const month = monthOf(lapse.date);
    if (!people.has(month)) people.set(month, new Set());
    people.get(month)!.add(lapse.userId);
    const p = lapse.reason.params;
    const item = p.kind
      ? `check:${p.kind}`
      : p.achievement
        ? `credential:${p.achievement}`
        : `other:${lapse.reason.code}`;
    if (!items.has(month)) items.set(month, new Map());
    const byItem = items.get(month)!;
    if (!byItem.has(item)) byItem.set(item, new Set());
    byItem.get(item)!.add(lapse.userId);
  }
  return {
    from,
    to,
    months: monthsBetween(from, to).map((month) => ({
      month,
      people: people.get(month)?.size ?? 0,
      items: [...(items.get(month) ?? new Map<string, Set<string>>()).entries()]
        .map(([key, set]) => {
          const [kind, ...rest] = key.split(":");
          return {
            kind: kind === "check" ? ("check" as const) : ("credential" as const),
            id: rest.join(":"),
            people: set.size,
          };
        })
        .sort((a, b) => b.people - a.people || a.id.localeCompare(b.id)),
    })),
  };
}
