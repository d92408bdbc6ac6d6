// The supervisor dashboard's URL: filters, sorting and page, read from and written to the
// query string so a view can be bookmarked, shared and exported as it is.
import { STATUSES, type Status } from "./status.ts";

export const DASHBOARD_PAGE_SIZE = 25;
export const DASHBOARD_SORTS = ["name", "status", "lapse"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export type DashboardQuery = {
  org: string;
  profile: string;
  status: Status | "";
  country: string;
  sort: DashboardSort;
  dir: "asc" | "desc";
  page: number;
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Unknown or malformed values fall back to "no filter" (a hand-edited URL never errors). */
export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
  const pick = (name: string) => {
    const value = params.get(name)?.trim() ?? "";
    return ID.test(value) ? value : "";
  };
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "";
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    org: pick("org"),
    profile: pick("profile"),
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : "",
    country: /^[A-Z]{2}$/.test(params.get("country") ?? "") ? params.get("country")! : "",
    sort: (DASHBOARD_SORTS as readonly string[]).includes(sort) ? (sort as DashboardSort) : "status",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

/** The query string of `query` with `changes` applied (defaults left out). */
export function dashboardSearch(query: DashboardQuery, changes: Partial<DashboardQuery> = {}): string {
  const next = { ...query, ...changes };
  const out = new URLSearchParams();
  if (next.org) out.set("org", next.org);
  if (next.profile) out.set("profile", next.profile);
  if (next.status) out.set("status", next.status);
  if (next.country) out.set("country", next.country);
  if (next.sort !== "status") out.set("sort", next.sort);
  if (next.dir !== "asc") out.set("dir", next.dir);
  if (next.page !== 1) out.set("page", String(next.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The readiness filter the module's reads take. */
export function readinessFilterOf(query: DashboardQuery) {
  return {
    ...(query.org ? { orgId: query.org } : {}),
    ...(query.profile ? { profileId: query.profile } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.country ? { country: query.country } : {}),
  };
}

/** A month of the outlook: how many people lapse in it, and for which requirement. */
export type OutlookMonth = {
  /** `YYYY-MM` */
  month: string;
  people: number;
  /** Check kind or achievement id → people lapsing on it that month. */
  items: { kind: "check" | "credential"; id: string; people: number }[];
};
