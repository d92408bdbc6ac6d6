import type { Authorized } from "~/modules/auth/index.server.ts";
import { notFound } from "~/modules/web/index.ts";

/**
 * The organization an import page acts for: the one named (by id, in the query or the form)
 * when the caller administers it — any other id answers 404 — or the first they administer.
 */
export function chooseOrg(auth: Authorized, requested: string | null) {
  const admin = auth.memberships.filter((m) => auth.orgIds.includes(m.orgId));
  const org = requested ? admin.find((m) => m.orgId === requested) : admin[0];
  if (!org) notFound();
  return org;
}
