// The cohort page's changes: add people, remove a person, archive, invite a partner.
import type { z } from "zod";
import type { cohortActionSchema } from "~/modules/orgs/index.ts";
import {
  addPeople,
  archiveCohort,
  invitePartner,
  removePerson,
  type CohortAccess,
} from "~/modules/orgs/index.server.ts";

type Outcome =
  | { ok: true; status: 200; done: string; report: { added: number; alreadyIn: number; notMembers: string[] } | null }
  | { ok: false; status: 400; reason: "archived" | "ownOrg" | "alreadyPartner" }
  | { ok: false; status: 404 };

export async function performCohortAction(
  actorId: string,
  cohort: CohortAccess,
  action: z.infer<typeof cohortActionSchema>,
): Promise<Outcome> {
  switch (action.intent) {
    case "addPeople": {
      const outcome = await addPeople(actorId, cohort, action.emails);
      if (!outcome.ok) return { ok: false, status: 400, reason: outcome.reason };
      return { ok: true, status: 200, done: "added", report: outcome };
    }
    case "removePerson":
      return (await removePerson(actorId, cohort, action.userId))
        ? { ok: true, status: 200, done: "removed", report: null }
        : { ok: false, status: 404 };
    case "archive":
      if (!cohort.isOwner) return { ok: false, status: 404 };
      return (await archiveCohort(actorId, cohort))
        ? { ok: true, status: 200, done: "archived", report: null }
        : { ok: false, status: 400, reason: "archived" };
    case "invitePartner": {
      const outcome = await invitePartner(actorId, cohort, action.orgId);
      if (outcome.ok) return { ok: true, status: 200, done: "partnerInvited", report: null };
      if (outcome.reason === "notFound") return { ok: false, status: 404 };
      return { ok: false, status: 400, reason: outcome.reason };
    }
  }
}
