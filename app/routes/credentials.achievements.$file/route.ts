// GET /credentials/achievements/:achievement.:tag.json — one language edition of an
// achievement, published at the `id` the credentials name.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { achievementDocument } from "~/modules/credentials/index.server.ts";
import { machineNotFound } from "../credentials.$file/not-found.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9-]+)\.([a-z]{2}-[A-Z]{2})\.json$/.exec(params.file ?? "");
  const document = match ? achievementDocument(match[1]!, match[2]!) : null;
  if (!document) throw await machineNotFound(request);
  return new Response(JSON.stringify(document, null, 2), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
