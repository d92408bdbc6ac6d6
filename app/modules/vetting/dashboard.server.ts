// The supervisor dashboard's data in the reader's language: one page of the readiness table
// (or every page, for the CSV), the counts by status and the 180-day outlook. Credentials
// come from the credentials module through the caller (it depends on this module already).
import { getAchievement, getProfile } from "~/modules/content/index.server.ts";
import { formatDate, INTL_LOCALE, type Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { DASHBOARD_PAGE_SIZE, readinessFilterOf, type DashboardQuery } from "./dashboard.ts";
import { vettingLabels } from "./labels.server.ts";
import { readinessOutlook } from "./outlook.server.ts";
import { listReadiness, type ReadinessRow } from "./readiness.server.ts";
import { reasonText } from "./reasons.ts";
import type { Status } from "./status.ts";

export type CurrentCredentials = (
  userIds: readonly string[],
  now: Date,
) => Promise<Map<string, { achievementId: string; validUntil: Date }[]>>;

export type DashboardRow = {
  key: string;
  userId: string;
  name: string;
  email: string;
  orgName: string;
  country: string;
  profile: string;
  status: Status;
  lapse: string | null;
  reasons: string[];
  credentials: string[];
};

async function shape(
  rows: ReadinessRow[],
  lang: Lang,
  timeZone: string,
  now: Date,
  credentialsOf: CurrentCredentials,
): Promise<DashboardRow[]> {
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  const creds = await credentialsOf([...new Set(rows.map((r) => r.userId))], now);
  return rows.map((r) => ({
    key: `${r.userId}:${r.orgId}:${r.profileId}`,
    userId: r.userId,
    name: r.name,
    email: r.email,
    orgName: r.orgName,
    country: r.orgCountry,
    profile: getProfile(r.profileId)?.name[lang] ?? r.profileId,
    status: r.status,
    lapse: r.soonestLapse ? formatDate(r.soonestLapse, lang, "UTC") : null,
    reasons: r.reasons.map((reason) => reasonText(t, reason, lang, labels)),
    credentials: (creds.get(r.userId) ?? []).map(
      (c) =>
        `${getAchievement(c.achievementId)?.name[lang] ?? c.achievementId} (${formatDate(c.validUntil, lang, timeZone)})`,
    ),
  }));
}

/** One page of the table, the counts by status and the outlook, as the dashboard shows them. */
export async function dashboardView(input: {
  orgIds: readonly string[];
  query: DashboardQuery;
  lang: Lang;
  timeZone: string;
  now: Date;
  currentCredentials: CurrentCredentials;
}) {
  const { query, lang, now } = input;
  const filter = readinessFilterOf(query);
  const readiness = await listReadiness({
    orgIds: input.orgIds,
    filter,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    pageSize: DASHBOARD_PAGE_SIZE,
    now,
  });
  const pages = Math.max(1, Math.ceil(readiness.total / DASHBOARD_PAGE_SIZE));
  // After listReadiness has brought every stale row up to date, so this read writes nothing.
  const outlook = await readinessOutlook({ orgIds: input.orgIds, filter, now });
  const labels = vettingLabels(lang);
  return {
    counts: readiness.counts,
    total: readiness.total,
    page: Math.min(query.page, pages),
    pages,
    rows: await shape(readiness.rows, lang, input.timeZone, now, input.currentCredentials),
    outlook: outlook.months.map((m) => ({
      month: m.month,
      label: new Intl.DateTimeFormat(INTL_LOCALE[lang], {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date(`${m.month}-15T00:00:00Z`)),
      people: m.people,
      items: m.items.map((i) => ({ label: labels[i.id] ?? i.id, people: i.people })),
    })),
  };
}

export type DashboardView = Awaited<ReturnType<typeof dashboardView>>;

/** Every row the filters select (all pages), for the CSV, in the reader's language. */
export async function* allDashboardRows(input: {
  orgIds: readonly string[];
  query: DashboardQuery;
  lang: Lang;
  timeZone: string;
  now: Date;
  currentCredentials: CurrentCredentials;
}): AsyncGenerator<DashboardRow[]> {
  const filter = readinessFilterOf(input.query);
  for (let page = 1; ; page += 1) {
    const part = await listReadiness({
      orgIds: input.orgIds,
      filter,
      sort: input.query.sort,
      dir: input.query.dir,
      page,
      pageSize: 500,
      now: input.now,
    });
    if (part.rows.length === 0) return;
    yield await shape(part.rows, input.lang, input.timeZone, input.now, input.currentCredentials);
    if (page * 500 >= part.total) return;
  }
}
