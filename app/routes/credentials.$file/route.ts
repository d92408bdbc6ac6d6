// GET /credentials/:id.json — the signed Open Badges 3.0 credential, exactly as issued.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/modules/auth/index.server.ts";
import { clearanceJson, publicRecord } from "~/modules/credentials/index.server.ts";
import { machineNotFound } from "./not-found.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const id = file.endsWith(".json") ? file.slice(0, -".json".length) : "";
  const record = id ? await publicRecord(id) : null;
  if (!record) {
    // A clearance attestation: its JSON names no one (the subject is a salted hash).
    const signed = id ? await clearanceJson(id) : null;
    if (!signed) throw await machineNotFound(request);
    return new Response(signed, {
      headers: {
        "Content-Type": "application/vc+ld+json; charset=utf-8",
        "Cache-Control": "public, max-age=300",
        "X-Robots-Tag": "noindex",
        "Content-Disposition": `inline; filename="${id}.json"`,
      },
    });
  }
  // "Confirm the name to view": the JSON names the holder, so only the holder may fetch it.
  if (record.nameConfirmation) {
    const user = await getUser(request);
    if (user?.id !== record.userId) throw await machineNotFound(request);
  }
  return new Response(record.signedJson, {
    headers: {
      "Content-Type": "application/vc+ld+json; charset=utf-8",
      "Cache-Control": record.nameConfirmation ? "private, no-store" : "public, max-age=300",
      "X-Robots-Tag": "noindex",
      "Content-Disposition": `inline; filename="${id}.json"`,
    },
  });
}
