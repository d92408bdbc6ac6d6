// GET /{lang}/credentials/:id.pdf?paper=a4|letter — the holder's PDF certificate. Only the
// signed-in holder gets it (the credential is looked up scoped to them, so anyone else's id is
// a 404); no PDF for a revoked or suspended credential. Never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/index.server.ts";
import {
  certificateFileName,
  certificatePdf,
  hasCertificate,
  isPaper,
  ownCredentialRecord,
  recordState,
} from "~/modules/credentials/index.server.ts";
import { notFound, requireLang } from "~/modules/web/index.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const file = params.file ?? "";
  const id = file.endsWith(".pdf") ? file.slice(0, -".pdf".length) : "";
  const paperParam = new URL(request.url).searchParams.get("paper") ?? "a4";
  if (!isPaper(paperParam)) notFound();
  const record = id ? await ownCredentialRecord(user.id, id) : null;
  if (!record || !hasCertificate(recordState(record))) notFound();
  const pdf = await certificatePdf(record, paperParam);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${certificateFileName(record, paperParam)}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
