// The person a supervisor asks for, found through the caller's organizations in the query
// itself; a refusal (no permission, or an id outside those organizations) goes to the
// security log before the 403 or 404.
import type { Params } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { noteForbidden, personVetting, recordRefusedPerson } from "~/modules/vetting/index.server.ts";
import { notFound } from "~/modules/web/index.ts";

export async function supervisedPerson(request: Request, params: Params, context: unknown) {
  const { user, orgIds } = await requirePermission(request, "read:vetting-status:org").catch(
    noteForbidden(request, "person", context),
  );
  const now = new Date();
  const userId = params.userId ?? "";
  const person = await personVetting({ orgIds, userId, now });
  if (!person) {
    await recordRefusedPerson({ actorId: user.id, page: "person", userId, context });
    notFound();
  }
  return { user, orgIds, person, now };
}
