// Refused looks at vetting pages go to the security log like refused changes (issue 14, "Bad
// input"): someone without the permission opening the dashboard, its CSV or the officer's
// list, and an id of a person outside the caller's organizations. The page itself still
// answers its 403 or 404; this only notes the attempt (rate-limited by the audit module).
import { recordSecurityEvent } from "~/modules/audit/index.server.ts";
import { clientIp, getUser } from "~/modules/auth/index.server.ts";

export type VettingPage = "dashboard" | "export" | "person" | "checks";

/** An id of a person the caller may not see (or that does not exist): noted, then the route answers 404. */
export async function recordRefusedPerson(input: {
  actorId: string;
  page: VettingPage;
  userId: string;
  context?: unknown;
}): Promise<void> {
  await recordSecurityEvent({
    kind: `vetting.${input.page}.refused`,
    actorId: input.actorId,
    subject: `user:${input.userId.slice(0, 64)}`,
    data: { reason: "notFound" },
    ip: clientIp(input.context),
  });
}

/**
 * For `requirePermission(…).catch(…)`: a 403 the guard threw is noted with who asked, then
 * passed on unchanged (so is anything else, such as the sign-in redirect).
 */
export function noteForbidden(request: Request, page: VettingPage, context?: unknown) {
  return async (thrown: unknown): Promise<never> => {
    if (thrown instanceof Response && thrown.status === 403) {
      const user = await getUser(request);
      await recordSecurityEvent({
        kind: `vetting.${page}.refused`,
        actorId: user?.id ?? null,
        subject: `page:${page}`,
        data: { reason: "forbidden" },
        ip: clientIp(context),
      });
    }
    throw thrown;
  };
}
