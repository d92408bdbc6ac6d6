// Loader data of a person's vetting page: assignments, checks and credentials as the caller may
// see them (dates in the viewer's language), what the caller may change, and the clearances.
import { getProfile, listProfiles } from "~/modules/content/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { formatDate, type Lang } from "~/modules/i18n/index.ts";
import {
  CHECK_RESULTS,
  dayString,
  reasonText,
  vettingLabels,
  type PersonVetting,
} from "~/modules/vetting/index.server.ts";
import { clearanceSection } from "./clearances.server.ts";

export const DONE = ["recorded", "corrected", "renewed", "assigned", "ended"] as const;
export type Done = (typeof DONE)[number];

/** The caller's organizations for each thing this page does. */
export type PersonAccess = {
  user: { id: string };
  readChecks: readonly string[];
  writeChecks: readonly string[];
  assign: readonly string[];
};

export async function personView(input: {
  lang: Lang;
  access: PersonAccess;
  /** The organizations the person was looked up in: those granting either read or assign. */
  orgIds: readonly string[];
  record: PersonVetting;
  now: Date;
  done: string | null;
}) {
  const { lang, record, now, done } = input;
  const { user, readChecks, writeChecks, assign } = input.access;
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  const day = (d: Date) => formatDate(d, lang, "UTC");
  const orgName = new Map(record.orgs.map((o) => [o.id, o.name]));
  const own = record.person.id === user.id;
  const checkOrgs = record.orgs.filter((o) => writeChecks.includes(o.id));
  const assignOrgs = record.orgs.filter((o) => assign.includes(o.id));
  // Check kinds the person's active profiles ask for, per organization.
  const kinds = [
    ...new Set(
      record.assignments
        .filter((a) => !a.endedAt && writeChecks.includes(a.orgId))
        .flatMap((a) => getProfile(a.profileId)?.checks.map((c) => c.type) ?? []),
    ),
  ];
  return {
    lang,
    title: record.person.name,
    notice: (DONE as readonly string[]).includes(done ?? "")
      ? t(`vetting:person.done.${done as Done}`)
      : done === "clearance-issued" || done === "clearance-revoked"
        ? t(`credentials:clearance.officer.done.${done === "clearance-issued" ? "issued" : "revoked"}`)
        : null,
    clearances: await clearanceSection({
      lang,
      userId: record.person.id,
      own,
      orgs: record.orgs,
      assignments: record.assignments,
      readOrgs: input.orgIds,
      issueOrgs: writeChecks,
      revokeOrgs: assign,
    }),
    person: record.person,
    own,
    today: dayString(now),
    canAssign: !own && assignOrgs.length > 0,
    canRecord: !own && checkOrgs.length > 0 && kinds.length > 0,
    assignOrgs,
    checkOrgs,
    profiles: listProfiles().map((p) => ({ id: p.id, name: p.name[lang] })),
    kinds: kinds.map((k) => ({ id: k, name: labels[k] ?? k })),
    results: CHECK_RESULTS.map((r) => ({ id: r, name: t(`vetting:result.${r}`) })),
    assignments: record.assignments.map((a) => ({
      id: a.id,
      org: orgName.get(a.orgId) ?? "",
      profile: labels[a.profileId] ?? a.profileId,
      status: a.status,
      ended: a.endedAt ? day(a.endedAt) : null,
      since: day(a.assignedAt),
      lapse: a.soonestLapse && !a.endedAt ? day(a.soonestLapse) : null,
      reasons: a.reasons.map((r) => reasonText(t, r, lang, labels)),
      canEnd: !own && !a.endedAt && assign.includes(a.orgId),
    })),
    checks: record.checks
      .filter((c) => readChecks.includes(c.orgId))
      .map((c) => ({
        id: c.id,
        org: orgName.get(c.orgId) ?? "",
        kind: labels[c.kind] ?? c.kind,
        result: t(`vetting:result.${c.result as "passed"}`, { defaultValue: c.result }),
        checkedOn: day(c.checkedOn),
        expiresOn: c.expiresOn ? day(c.expiresOn) : null,
        evidenceRef: c.evidenceRef,
        recordedBy: t("vetting:person.recordedBy", {
          name: c.recordedBy?.name ?? t("vetting:person.unknownRecorder"),
          date: day(c.recordedAt),
        }),
        superseded: c.supersededById !== null,
        correctionReason: c.correctionReason,
        canChange: !own && c.supersededById === null && writeChecks.includes(c.orgId),
        kindId: c.kind,
      })),
    credentials: record.credentials.map((c) => ({
      id: c.id,
      name: labels[c.achievementId] ?? c.achievementId,
      state: c.revokedAt
        ? t("vetting:person.credentialState.revoked")
        : c.suspendedAt
          ? t("vetting:person.credentialState.suspended")
          : c.validFrom > now
            ? t("vetting:person.credentialState.upcoming", { date: day(c.validFrom) })
            : c.validUntil <= now
              ? t("vetting:person.credentialState.expired", { date: day(c.validUntil) })
              : t("vetting:person.credentialState.current", { date: day(c.validUntil) }),
    })),
  };
}
export type PersonView = Awaited<ReturnType<typeof personView>>;
