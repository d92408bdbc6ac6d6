import { databaseIsUp, providerOf, databaseUrl } from "~/modules/db/index.server.ts";

export async function loader() {
  const up = await databaseIsUp();
  return Response.json(
    { status: up ? "ok" : "unavailable", database: providerOf(databaseUrl()), time: new Date().toISOString() },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
