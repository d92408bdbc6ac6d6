import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/modules/auth/index.server.ts";
import { langFromParams } from "~/modules/i18n/i18n.server.ts";

export async function loader({ params }: ActionFunctionArgs) {
  throw redirect(`/${langFromParams(params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = langFromParams(params);
  const cookie = await endSession(request);
  throw redirect(`/${lang}/login?signedOut=1`, { headers: { "Set-Cookie": cookie } });
}
