import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { langFromParams } from "~/modules/i18n/i18n.server.ts";

// The administration area starts at the user list.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langFromParams(params);
  await requirePermission(request, "read:users:any");
  throw redirect(`/${lang}/admin/users`);
}
