import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/modules/auth/index.server.ts";
import { remixI18n } from "~/modules/i18n/index.server.ts";

// "/" → the signed-in user's language, else the language cookie, else Accept-Language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const lang = user?.language ?? (await remixI18n.getLocale(request));
  throw redirect(`/${lang}`);
}
