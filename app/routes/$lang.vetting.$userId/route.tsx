// One person's vetting record for a supervisor: profiles with status and reasons, the full
// history of checks (corrections included), credentials, and what lapses — with a reminder
// to send now or the courses to enroll in. Only people of the caller's organizations: anyone
// else's id answers 404, the same as an id that does not exist.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { userNames } from "~/modules/admin/index.server.ts";
import { auditPage } from "~/modules/audit/index.server.ts";
import { getProfile } from "~/modules/content/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { enrol, isEnrolled } from "~/modules/learning/index.server.ts";
import { lapseActions, queueReminderNow, vettingLabels } from "~/modules/vetting/index.server.ts";
import { reasonText } from "~/modules/vetting/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { supervisedPerson } from "./person.server.ts";
import { SectionTable } from "./section-table.tsx";

const DONE = ["reminded", "remindedAlready", "enrolled", "enrolledAlready", "noSuchItem"] as const;
type Done = (typeof DONE)[number];

function credentialState(
  c: { validFrom: Date; validUntil: Date; revokedAt: Date | null; suspendedAt: Date | null },
  now: Date,
) {
  if (c.revokedAt) return "revoked" as const;
  if (c.suspendedAt) return "suspended" as const;
  if (c.validUntil <= now) return "expired" as const;
  if (c.validFrom > now) return "future" as const;
  return "current" as const;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, person, now } = await supervisedPerson(request, params, context);
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  const day = (d: Date | null) => (d ? formatDate(d, lang, "UTC") : null);
  const orgName = new Map(person.orgs.map((o) => [o.id, o.name]));
  const url = new URL(request.url);
  const done = DONE.find((d) => d === url.searchParams.get("done")) ?? null;
  const doneItem = url.searchParams.get("item") ?? "";
  const doneCount = Number(url.searchParams.get("count") ?? "0") || 0;
  // The person was found through the caller's organizations above: their events are the caller's to see.
  const events = await auditPage({ subjects: [`user:${person.person.id}`] }, 1, 30);
  const actors = await userNames(events.rows.map((e) => e.actorId).filter((id): id is string => id !== null));
  return {
    lang,
    title: `${person.person.name} — ${t("readiness:title")}`,
    done: done
      ? t(`readiness:person.${done}`, { item: labels[doneItem] ?? "", count: doneCount, name: person.person.name })
      : null,
    person: person.person,
    orgs: person.orgs,
    assignments: person.assignments.map((a) => ({
      id: a.id,
      org: orgName.get(a.orgId) ?? "",
      profile: getProfile(a.profileId)?.name[lang] ?? a.profileId,
      status: a.status,
      assigned: formatDate(a.assignedAt, lang, user.timeZone),
      ended: a.endedAt ? formatDate(a.endedAt, lang, user.timeZone) : null,
      lapse: day(a.soonestLapse),
      reasons: a.reasons.map((r) => reasonText(t, r, lang, labels)),
    })),
    checks: person.checks.map((c) => ({
      id: c.id,
      org: orgName.get(c.orgId) ?? "",
      kind: labels[c.kind] ?? c.kind,
      result: c.result,
      checkedOn: day(c.checkedOn)!,
      expiresOn: day(c.expiresOn),
      evidence: c.evidenceRef,
      recordedBy: c.recordedBy?.name ?? "—",
      superseded: c.supersededById !== null,
      correction: c.supersedesId ? (c.correctionReason ?? "") : null,
    })),
    credentials: person.credentials.map((c) => ({
      id: c.id,
      name: labels[c.achievementId] ?? c.achievementId,
      validUntil: formatDate(c.validUntil, lang, user.timeZone),
      state: credentialState(c, now),
    })),
    events: events.rows.map((e) => ({
      seq: e.seq,
      at: formatDate(e.at, lang, user.timeZone),
      action: e.action,
      actor: e.actorId ? (actors.get(e.actorId) ?? "—") : null,
    })),
    actions: lapseActions(person, now).map((a) => ({
      key: `${a.itemKind}:${a.itemId}`,
      itemKind: a.itemKind,
      itemId: a.itemId,
      label: labels[a.ref] ?? a.ref,
      date: day(a.lapsesOn)!,
      lapsed: a.lapsed,
      canEnrol: a.courses.length > 0,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, person, now } = await supervisedPerson(request, params, context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const itemKind = String(form.get("itemKind") ?? "");
  const itemId = String(form.get("itemId") ?? "");
  // The item is looked up among this person's lapses as the caller may see them, never trusted from the form.
  const item = lapseActions(person, now).find((a) => a.itemKind === itemKind && a.itemId === itemId);
  const back = (done: Done, extra: Record<string, string> = {}) =>
    redirect(`/${lang}/vetting/${person.person.id}?${new URLSearchParams({ done, ...extra }).toString()}`);
  if (!item) return back("noSuchItem");
  if (intent === "remind" && !item.lapsed) {
    const { recorded } = await queueReminderNow({
      holderId: person.person.id,
      itemKind: item.itemKind,
      itemId: item.itemId,
      lapsesOn: item.lapsesOn,
      actorId: user.id,
      now,
    });
    return back(recorded ? "reminded" : "remindedAlready", { item: item.ref });
  }
  if (intent === "enrol" && item.courses.length > 0) {
    let count = 0;
    for (const courseId of item.courses) {
      if (await isEnrolled(person.person.id, courseId)) continue;
      await enrol(person.person.id, courseId);
      count += 1;
    }
    return back(count ? "enrolled" : "enrolledAlready", { item: item.ref, count: String(count) });
  }
  return back("noSuchItem");
}

export default function PersonVettingPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation(["readiness", "vetting", "admin"]);
  const base = `/${data.lang}/vetting`;
  return (
    <div className="page">
      <p>
        <Link to={base}>{t("readiness:person.back")}</Link>
      </p>
      <h1 className="break-anywhere">{data.person.name}</h1>
      <p className="break-anywhere">{data.person.email}</p>
      <p>
        {t("readiness:person.orgs")}: {data.orgs.map((o) => o.name).join(", ")}
      </p>
      {data.done ? <Notice tone="success">{data.done}</Notice> : null}

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t("readiness:person.actions")}</h2>
        {data.actions.length === 0 ? (
          <p>{t("readiness:person.actionsEmpty")}</p>
        ) : (
          <>
            <p>{t("readiness:person.actionsIntro")}</p>
            <ul className="plain-list">
              {data.actions.map((a) => (
                <li key={a.key}>
                  <strong>{a.label}</strong> —{" "}
                  {a.lapsed
                    ? t(`vetting:reasons.${a.itemKind}.expired`, { kind: a.label, achievement: a.label, date: a.date })
                    : t(`vetting:reasons.${a.itemKind}.expiring`, {
                        kind: a.label,
                        achievement: a.label,
                        date: a.date,
                      })}
                  <div className="actions">
                    {!a.lapsed ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remind" />
                        <input type="hidden" name="itemKind" value={a.itemKind} />
                        <input type="hidden" name="itemId" value={a.itemId} />
                        <button type="submit" className="button button--secondary">
                          {t("readiness:person.remind", { name: data.person.name })}
                        </button>
                      </Form>
                    ) : null}
                    {a.canEnrol ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="enrol" />
                        <input type="hidden" name="itemKind" value={a.itemKind} />
                        <input type="hidden" name="itemId" value={a.itemId} />
                        <button type="submit" className="button button--secondary">
                          {t("readiness:person.enrol", { item: a.label })}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="profiles-heading">
        <h2 id="profiles-heading">{t("readiness:person.profiles")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("readiness:person.profile")}</th>
                <th scope="col">{t("readiness:table.status")}</th>
                <th scope="col">{t("readiness:table.lapse")}</th>
                <th scope="col">{t("readiness:table.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {data.assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.profile}
                    <span className="table-sub">{a.org}</span>
                    <span className="table-sub">
                      {a.ended
                        ? t("readiness:person.ended", { date: a.ended })
                        : `${t("readiness:person.assigned")}: ${a.assigned}`}
                    </span>
                  </th>
                  <td>
                    {a.ended ? (
                      "—"
                    ) : (
                      <span className={`badge badge--${a.status}`}>{t(`vetting:status.${a.status}`)}</span>
                    )}
                  </td>
                  <td>{a.lapse ?? "—"}</td>
                  <td>
                    {a.reasons.length ? (
                      <ul className="plain-list">
                        {a.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <SectionTable
        id="checks-heading"
        heading={t("readiness:person.checks")}
        empty={t("readiness:person.checksEmpty")}
        wide
        columns={[
          t("readiness:person.kind"),
          t("readiness:person.result"),
          t("readiness:person.checkedOn"),
          t("readiness:person.expiresOn"),
          t("readiness:person.evidence"),
          t("readiness:person.recordedBy"),
          t("readiness:person.note"),
        ]}
        rows={data.checks}
        rowKey={(c) => c.id}
        cells={(c) => (
          <>
            <th scope="row">
              {c.kind}
              <span className="table-sub">{c.org}</span>
            </th>
            <td>{t(`vetting:result.${c.result as "passed"}`, { defaultValue: c.result })}</td>
            <td>{c.checkedOn}</td>
            <td>{c.expiresOn ?? "—"}</td>
            <td className="break-anywhere">{c.evidence}</td>
            <td>{c.recordedBy}</td>
            <td>
              {c.superseded ? <span className="table-sub">{t("readiness:person.supersededBy")}</span> : null}
              {c.correction !== null ? (
                <span className="table-sub">{t("readiness:person.corrects", { reason: c.correction })}</span>
              ) : null}
            </td>
          </>
        )}
      />

      <SectionTable
        id="events-heading"
        heading={t("admin:audit.personHeading")}
        empty={t("admin:audit.personEmpty")}
        columns={[t("admin:audit.at"), t("admin:audit.action"), t("admin:audit.actor")]}
        rows={data.events}
        rowKey={(e) => e.seq}
        cells={(e) => (
          <>
            <td>{e.at}</td>
            <td>{e.action}</td>
            <td>{e.actor ?? t("admin:audit.system")}</td>
          </>
        )}
      />

      <SectionTable
        id="credentials-heading"
        heading={t("readiness:person.credentials")}
        empty={t("readiness:person.credentialsEmpty")}
        columns={[t("readiness:person.achievement"), t("readiness:person.validUntil"), t("readiness:person.state")]}
        rows={data.credentials}
        rowKey={(c) => c.id}
        cells={(c) => (
          <>
            <th scope="row">{c.name}</th>
            <td>{c.validUntil}</td>
            <td>{t(`readiness:person.states.${c.state}`)}</td>
          </>
        )}
      />
    </div>
  );
}
