// The audit pages' URL: action and dates (YYYY-MM-DD, UTC days; "to" inclusive) and page.
export type AuditQueryRaw = { action: string; from: string; to: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(text: string): Date | null | undefined {
  if (!text) return undefined;
  const m = DAY.exec(text);
  if (!m) return null;
  // "to" is read as the next day's start: 9999-12-31 would be year 10000, a date the database
  // cannot take (a 500, issue 18). Years outside 1000–9998 are not dates anyone filters by.
  if (Number(m[1]) < 1000 || Number(m[1]) > 9998) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? d : null;
}

/** A malformed date is left out of the filter and reported (`badDate`), never an error page. */
export function parseAuditQuery(params: URLSearchParams) {
  const action = (params.get("action") ?? "").trim().slice(0, 100);
  const fromText = (params.get("from") ?? "").trim().slice(0, 10);
  const toText = (params.get("to") ?? "").trim().slice(0, 10);
  const from = day(fromText);
  const to = day(toText);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    raw: { action, from: fromText, to: toText } satisfies AuditQueryRaw,
    badDate: from === null || to === null,
    filter: {
      ...(/^[a-z0-9._-]+$/i.test(action) ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to: new Date(to.getTime() + 86_400_000) } : {}),
    },
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function auditSearch(raw: AuditQueryRaw, page: number): string {
  const out = new URLSearchParams();
  if (raw.action) out.set("action", raw.action);
  if (raw.from) out.set("from", raw.from);
  if (raw.to) out.set("to", raw.to);
  if (page > 1) out.set("page", String(page));
  const text = out.toString();
  return text ? `?${text}` : "";
}
