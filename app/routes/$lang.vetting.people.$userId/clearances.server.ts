// The person page's clearance attestations: what the officer sees (links, QR codes, which
// profiles may be attested now) and the issue / revoke actions (the module decides; refusals
// come back as translated messages, an id outside the caller's organizations as a 404).
import { data, redirect } from "@remix-run/node";
import { getProfile } from "~/modules/content/index.server.ts";
import { issueClearance, orgClearances, revokeClearance } from "~/modules/credentials/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { PersonAssignment } from "~/modules/vetting/index.server.ts";
import { notFound } from "~/modules/web/index.ts";

export const CLEARANCE_INTENTS = ["clearance-issue", "clearance-revoke"] as const;

export async function clearanceSection(input: {
  lang: Lang;
  userId: string;
  own: boolean;
  orgs: { id: string; name: string }[];
  assignments: PersonAssignment[];
  readOrgs: readonly string[];
  issueOrgs: readonly string[];
  revokeOrgs: readonly string[];
}) {
  const cards = await orgClearances(input.userId, input.readOrgs, input.lang);
  const orgName = new Map(input.orgs.map((o) => [o.id, o.name]));
  const attestable = input.own
    ? []
    : input.assignments
        .filter((a) => !a.endedAt && input.issueOrgs.includes(a.orgId))
        .map((a) => ({
          orgId: a.orgId,
          profileId: a.profileId,
          label: `${getProfile(a.profileId)?.name[input.lang] ?? a.profileId} (${orgName.get(a.orgId) ?? ""})`,
          cleared: a.status === "cleared" || a.status === "expiring",
          renew: cards.some((c) => c.orgId === a.orgId && c.profileId === a.profileId),
        }));
  return {
    cards: cards.map((c) => ({
      ...c,
      canRevoke: !input.own && c.state !== "revoked" && input.revokeOrgs.includes(c.orgId),
    })),
    attestable,
  };
}

export async function clearanceAction(input: {
  lang: Lang;
  intent: string;
  actorId: string;
  userId: string;
  form: (name: string) => string;
  issueOrgs: readonly string[];
  revokeOrgs: readonly string[];
}) {
  const { lang, userId, form } = input;
  const outcome =
    input.intent === "clearance-issue"
      ? await issueClearance(
          { id: input.actorId, orgIds: input.issueOrgs },
          { userId, orgId: form("orgId"), profileId: form("profileId") },
        )
      : await revokeClearance(
          { id: input.actorId, orgIds: input.revokeOrgs },
          { clearanceId: form("clearanceId"), reason: form("reason"), note: form("note") },
        );
  if (outcome.ok) {
    const done = input.intent === "clearance-issue" ? "clearance-issued" : "clearance-revoked";
    throw redirect(`/${lang}/vetting/people/${userId}?done=${done}#person-clearances`);
  }
  if (outcome.reason === "notFound") throw notFound();
  const t = await getFixedT(lang);
  return data(
    {
      intent: input.intent,
      checkId: form("clearanceId") || `${form("orgId")}|${form("profileId")}`,
      message: t(`credentials:clearance.officer.refused.${outcome.reason}`),
      values: { reason: form("reason"), note: form("note") },
    },
    { status: outcome.reason === "ownRecord" ? 403 : 400 },
  );
}
