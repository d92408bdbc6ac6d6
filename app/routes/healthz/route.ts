import { BUSY_RETRY_AFTER_SECONDS, databaseStatus, databaseUrl, providerOf } from "~/modules/db/index.server.ts";

const STATUS_TEXT = { up: "ok", busy: "busy", down: "unavailable" } as const;

export async function loader() {
  const db = await databaseStatus();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (db === "busy") headers["Retry-After"] = String(BUSY_RETRY_AFTER_SECONDS);
  return Response.json(
    { status: STATUS_TEXT[db], db, database: providerOf(databaseUrl()), time: new Date().toISOString() },
    { status: db === "up" ? 200 : 503, headers },
  );
}
