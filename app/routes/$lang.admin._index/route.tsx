import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/modules/web/index.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";

// The administration area starts at the user list.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requirePermission(request, "read:users:any");
  throw redirect(`/${lang}/admin/users`);
}

// Never rendered (the loader always redirects), but a page route, unlike a resource route, shows a
// refusal as the translated error page in the site's layout instead of a bare "Forbidden".
export default function AdminIndex() {
  return null;
}
