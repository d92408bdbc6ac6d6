import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/modules/web/index.ts";
import { endSession } from "~/modules/auth/index.server.ts";

export async function loader({ params }: ActionFunctionArgs) {
  throw redirect(`/${requireLang(params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const cookie = await endSession(request);
  throw redirect(`/${lang}/login?signedOut=1`, { headers: { "Set-Cookie": cookie } });
}
