// GET /status-lists/:id — a signed W3C Bitstring Status List credential (revocation or
// suspension), computed from the data; cached briefly so a change shows within a minute.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { statusListCredential } from "~/modules/credentials/index.server.ts";
import { machineNotFound } from "../credentials.$file/not-found.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const list = await statusListCredential(params.listId ?? "");
  if (!list) throw await machineNotFound(request);
  return new Response(JSON.stringify(list.json), {
    headers: {
      "Content-Type": "application/vc+ld+json; charset=utf-8",
      "Cache-Control": "public, max-age=30",
      ETag: `"${params.listId}-${list.version}"`,
    },
  });
}
