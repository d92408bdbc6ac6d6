// The answer to GET /healthz: whether the database answers, and whether another process holds
// SQLite's write lock (reads work, writes would wait: 503 with Retry-After). server.mjs sends it
// before Express hands the request to Remix (decision 019): a health check needs no session,
// page or language, and load balancers ask every few seconds.
import { BUSY_RETRY_AFTER_SECONDS, databaseStatus, databaseUrl, providerOf } from "~/modules/db/index.server.ts";

const STATUS_TEXT = { up: "ok", busy: "busy", down: "unavailable" } as const;

export type HealthReport = {
  status: 200 | 503;
  headers: Record<string, string>;
  body: { status: string; db: string; database: string; time: string };
};

export async function healthReport(): Promise<HealthReport> {
  const db = await databaseStatus();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (db === "busy") headers["Retry-After"] = String(BUSY_RETRY_AFTER_SECONDS);
  return {
    status: db === "up" ? 200 : 503,
    headers,
    body: { status: STATUS_TEXT[db], db, database: providerOf(databaseUrl()), time: new Date().toISOString() },
  };
}
