import { remixI18n, getFixedT } from "~/modules/i18n/index.server.ts";
import { isLang } from "~/modules/i18n/index.ts";

/** A 404 for the machine-facing URLs: JSON, in the reader's language, saying nothing more. */
export async function machineNotFound(request: Request): Promise<Response> {
  const locale = await remixI18n.getLocale(request);
  const t = await getFixedT(isLang(locale) ? locale : "en");
  return Response.json(
    { error: t("credentials:notFound") },
    { status: 404, headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } },
  );
}
