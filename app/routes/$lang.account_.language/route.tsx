// One-click "use this language from now on", offered after signing in on a page in another
// language than the saved one (see app/components/language-offer.tsx).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/modules/web/index.ts";
import { z } from "zod";
import { clearLanguageOfferCookie, requireUser, safeRedirectPath, saveLanguage } from "~/modules/auth/index.server.ts";
import { languageField } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

const languageChoiceSchema = z.object({ language: languageField, redirectTo: z.string().optional() });

export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/${requireLang(params)}/account`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = languageChoiceSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const t = await getFixedT(lang);
    throw new Response(t("auth:fieldErrors.languageInvalid"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { language, redirectTo } = parsed.data;
  await saveLanguage(user.id, language);
  throw redirect(safeRedirectPath(redirectTo, `/${language}`), {
    headers: { "Set-Cookie": await clearLanguageOfferCookie() },
  });
}
