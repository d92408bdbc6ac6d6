// What a grantee organization sees through its agreements in force: each shared person's
// status, soonest lapse and reason categories, agreement by agreement. Read through the
// vetting module's readiness model, then cut down to categories here, so nothing finer ever
// leaves the server.
import { listReadiness, type Status } from "~/modules/vetting/index.server.ts";
import { categoriesOf, type ReasonCategory } from "./index.ts";
import { sharedWith, type SharedScope } from "./agreements.server.ts";

/** People shown per profile of an agreement; more are counted, not listed. */
export const SHARED_ROWS_PER_PROFILE = 500;

export type SharedPerson = {
  userId: string;
  name: string;
  profileId: string;
  status: Status;
  soonestLapse: Date | null;
  categories: ReasonCategory[];
};

export type SharedAgreementView = SharedScope & { people: SharedPerson[]; total: number };

export async function sharedPeople(granteeOrgIds: readonly string[], now = new Date()): Promise<SharedAgreementView[]> {
  const scopes = await sharedWith(granteeOrgIds, now);
  return Promise.all(
    scopes.map(async (scope) => {
      const pages = await Promise.all(
        scope.profileIds.map((profileId) =>
          listReadiness({
            orgIds: [scope.grantor.id],
            filter: { orgId: scope.grantor.id, profileId },
            sort: "name",
            dir: "asc",
            page: 1,
            pageSize: SHARED_ROWS_PER_PROFILE,
            now,
          }),
        ),
      );
      const people = pages
        .flatMap((p) => p.rows)
        .map((r) => ({
          userId: r.userId,
          name: r.name,
          profileId: r.profileId,
          status: r.status,
          soonestLapse: r.soonestLapse,
          categories: categoriesOf(r.reasons),
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.profileId.localeCompare(b.profileId));
      return { ...scope, people, total: pages.reduce((n, p) => n + p.total, 0) };
    }),
  );
}
