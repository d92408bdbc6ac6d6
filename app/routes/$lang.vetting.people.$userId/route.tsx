import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { getMemberships, requireUser } from "~/modules/auth/index.server.ts";
import { orgsGranting, type Permission } from "~/modules/auth/index.ts";
import { getProfile, listProfiles } from "~/modules/content/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { MAX_EVIDENCE_LENGTH, MAX_REASON_LENGTH } from "~/modules/vetting/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import {
  assignProfile,
  CHECK_RESULTS,
  correctCheck,
  dayString,
  endAssignment,
  personVetting,
  reasonText,
  recordCheck,
  renewCheck,
  vettingLabels,
  type RecordOutcome,
} from "~/modules/vetting/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { forbidden, notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { clearanceDataChanged } from "~/modules/credentials/index.server.ts";
import { clearanceAction, clearanceSection, CLEARANCE_INTENTS } from "./clearances.server.ts";
import { Clearances } from "./clearances.tsx";

const DONE = ["recorded", "corrected", "renewed", "assigned", "ended"] as const;
type Done = (typeof DONE)[number];

/** The caller's organizations for each thing this page does. */
async function access(request: Request) {
  const user = await requireUser(request);
  const memberships = await getMemberships(request, user.id);
  const subject = { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships };
  const orgs = (permission: Permission) => orgsGranting(subject, permission);
  return {
    user,
    readChecks: orgs("read:vetting-check:org"),
    writeChecks: orgs("update:vetting-check:org"),
    assign: orgs("update:vetting-assignment:org"),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, readChecks, writeChecks, assign } = await access(request);
  const orgIds = [...new Set([...readChecks, ...assign])];
  if (orgIds.length === 0) forbidden();
  const now = new Date();
  const record = await personVetting({ orgIds, userId: params.userId ?? "", now });
  if (!record) throw notFound();
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
  const done = new URL(request.url).searchParams.get("done");
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
      readOrgs: orgIds,
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

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, writeChecks, assign } = await access(request);
  const form = await readForm(request);
  const userId = params.userId ?? "";
  const intent = text(form, "intent");
  if ((CLEARANCE_INTENTS as readonly string[]).includes(intent))
    return clearanceAction({
      lang,
      intent,
      actorId: user.id,
      userId,
      form: (name) => text(form, name),
      issueOrgs: writeChecks,
      revokeOrgs: assign,
    });
  const checkActor = { id: user.id, orgIds: writeChecks };
  const fields = {
    userId,
    result: text(form, "result"),
    checkedOn: text(form, "checkedOn"),
    expiresOn: text(form, "expiresOn"),
    evidenceRef: text(form, "evidenceRef"),
  };
  let outcome: RecordOutcome;
  let done: Done;
  if (intent === "record") {
    outcome = await recordCheck(checkActor, { ...fields, orgId: text(form, "orgId"), kind: text(form, "kind") });
    done = "recorded";
  } else if (intent === "correct") {
    outcome = await correctCheck(checkActor, {
      ...fields,
      kind: text(form, "kind"),
      supersedesId: text(form, "checkId"),
      reason: text(form, "reason"),
    });
    done = "corrected";
  } else if (intent === "renew") {
    outcome = await renewCheck(checkActor, { ...fields, renewsId: text(form, "checkId") });
    done = "renewed";
  } else if (intent === "assign") {
    outcome = await assignProfile(
      { id: user.id, orgIds: assign },
      { userId, orgId: text(form, "orgId"), profileId: text(form, "profileId") },
    );
    done = "assigned";
  } else if (intent === "end") {
    outcome = await endAssignment({ id: user.id, orgIds: assign }, { assignmentId: text(form, "assignmentId") });
    done = "ended";
  } else {
    // An unknown intent from someone who may do none of them is refused as such (issue 18).
    if (writeChecks.length === 0 && assign.length === 0) forbidden();
    throw notFound();
  }
  if (outcome.ok) {
    // The person's clearance attestations follow the change at once (decision 015).
    await clearanceDataChanged(userId);
    throw redirect(`/${lang}/vetting/people/${userId}?done=${done}`);
  }
  const t = await getFixedT(lang);
  return data(
    {
      intent,
      checkId: text(form, "checkId"),
      message: t(`vetting:errors.${outcome.reason}`, {
        max: outcome.reason === "reasonTooLong" ? MAX_REASON_LENGTH : MAX_EVIDENCE_LENGTH,
      }),
      values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""])),
    },
    // A person, check or organization that is not the caller's answers 404 (issue 18), the
    // message still shown beside the form.
    { status: outcome.reason === "forbidden" ? 403 : NOT_YOURS.has(outcome.reason) ? 404 : 400 },
  );
}

const NOT_YOURS: ReadonlySet<string> = new Set(["notFound", "otherOrg"]);

type Failure = { intent: string; checkId: string; message: string; values: Record<string, string> };

function ErrorFor({ failure, intent, checkId = "" }: { failure?: Failure; intent: string; checkId?: string }) {
  if (!failure || failure.intent !== intent || failure.checkId !== checkId) return null;
  return (
    <p className="field__error" role="alert" id={`error-${intent}-${checkId}`}>
      {failure.message}
    </p>
  );
}

function CheckFields({
  prefix,
  kinds,
  results,
  today,
  values,
}: {
  prefix: string;
  kinds?: { id: string; name: string }[];
  results: { id: string; name: string }[];
  today: string;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation("vetting");
  return (
    <>
      {kinds ? (
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t("person.kind")}</label>
          <select id={`${prefix}-kind`} name="kind" defaultValue={values?.kind} required>
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-result`}>{t("person.result")}</label>
        <select id={`${prefix}-result`} name="result" defaultValue={values?.result ?? "passed"} required>
          {results.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-checkedOn`}>{t("person.checkedOn")}</label>
        <input
          id={`${prefix}-checkedOn`}
          name="checkedOn"
          type="date"
          max={today}
          defaultValue={values?.checkedOn ?? today}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-expiresOn`}>{t("person.expiresOn")}</label>
        <input
          id={`${prefix}-expiresOn`}
          name="expiresOn"
          type="date"
          defaultValue={values?.expiresOn}
          aria-describedby={`${prefix}-expiresOn-hint`}
        />
        <p className="field__hint" id={`${prefix}-expiresOn-hint`}>
          {t("person.expiresHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-evidence`}>{t("person.evidence")}</label>
        <input
          id={`${prefix}-evidence`}
          name="evidenceRef"
          type="text"
          maxLength={MAX_EVIDENCE_LENGTH}
          defaultValue={values?.evidenceRef}
          aria-describedby={`${prefix}-evidence-hint`}
          required
        />
        <p className="field__hint" id={`${prefix}-evidence-hint`}>
          {t("person.evidenceHint", { max: MAX_EVIDENCE_LENGTH })}
        </p>
      </div>
    </>
  );
}

export default function VettingPerson() {
  const d = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const { t } = useTranslation("vetting");
  const values = (intent: string, checkId = "") =>
    failure && failure.intent === intent && failure.checkId === checkId ? failure.values : undefined;
  return (
    <div className="page">
      <p>
        <Link to={`/${d.lang}/vetting/checks`}>{t("person.back")}</Link>
      </p>
      <h1>{d.person.name}</h1>
      <p className="break-anywhere muted">{d.person.email}</p>
      <p>{t("person.intro")}</p>
      {d.notice ? <Notice tone="success">{d.notice}</Notice> : null}
      {d.own ? <Notice>{t("person.ownRecord")}</Notice> : null}

      <section aria-labelledby="person-assignments">
        <h2 id="person-assignments">{t("person.assignments")}</h2>
        {d.assignments.length === 0 ? <p>{t("person.noAssignments")}</p> : null}
        <ul className="stack">
          {d.assignments.map((a) => (
            <li key={a.id}>
              <strong>{a.profile}</strong> <span className="muted">({a.org})</span>{" "}
              {a.ended ? (
                <span className="muted">{t("person.endedOn", { date: a.ended })}</span>
              ) : (
                <>
                  <span className="badge">{t(`status.${a.status}`)}</span>{" "}
                  <span className="muted">{t("person.assignedSince", { date: a.since })}</span>
                  {a.reasons.length ? (
                    <ul>
                      {a.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : null}
                  {a.canEnd ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end" />
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <button type="submit" className="button button--secondary">
                        {t("person.end")}
                      </button>
                      <ErrorFor failure={failure} intent="end" />
                    </Form>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
        {d.canAssign ? (
          <Form method="post" className="stack" aria-labelledby="assign-heading">
            <h3 id="assign-heading">{t("person.assign")}</h3>
            <input type="hidden" name="intent" value="assign" />
            <ErrorFor failure={failure} intent="assign" />
            {d.assignOrgs.length > 1 ? (
              <div className="field">
                <label htmlFor="assign-org">{t("person.organization")}</label>
                <select id="assign-org" name="orgId" defaultValue={values("assign")?.orgId}>
                  {d.assignOrgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="orgId" value={d.assignOrgs[0]!.id} />
            )}
            <div className="field">
              <label htmlFor="assign-profile">{t("person.profile")}</label>
              <select id="assign-profile" name="profileId" defaultValue={values("assign")?.profileId}>
                {d.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("person.assignButton")}
            </button>
          </Form>
        ) : null}
      </section>

      {d.canRecord ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">{t("person.record")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="record" />
            <ErrorFor failure={failure} intent="record" />
            {d.checkOrgs.length > 1 ? (
              <div className="field">
                <label htmlFor="record-org">{t("person.organization")}</label>
                <select id="record-org" name="orgId" defaultValue={values("record")?.orgId}>
                  {d.checkOrgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="orgId" value={d.checkOrgs[0]!.id} />
            )}
            <CheckFields
              prefix="record"
              kinds={d.kinds}
              results={d.results}
              today={d.today}
              values={values("record")}
            />
            <button type="submit" className="button">
              {t("person.recordButton")}
            </button>
          </Form>
        </section>
      ) : null}

      <Clearances lang={d.lang} section={d.clearances} failure={failure} />

      <section aria-labelledby="person-history">
        <h2 id="person-history">{t("person.history")}</h2>
        {d.checks.length === 0 ? <p>{t("person.noHistory")}</p> : null}
        <ol className="stack plain-list">
          {d.checks.map((c) => (
            <li key={c.id} className={c.superseded ? "muted" : undefined}>
              <p>
                <strong>{c.kind}</strong>: {c.result} · {c.checkedOn}
                {c.expiresOn ? ` · ${t("person.expires", { date: c.expiresOn })}` : ""}
                <br />
                <span className="muted">
                  {c.evidenceRef} · {c.org} · {c.recordedBy}
                </span>
                {c.superseded ? (
                  <>
                    <br />
                    <span className="badge">{t("person.superseded")}</span>
                  </>
                ) : null}
                {c.correctionReason ? (
                  <>
                    <br />
                    {t("person.corrects", { reason: c.correctionReason })}
                  </>
                ) : null}
              </p>
              {c.canChange ? (
                <>
                  <details open={failure?.intent === "correct" && failure.checkId === c.id}>
                    <summary>{t("person.correct")}</summary>
                    <Form method="post" className="stack">
                      <input type="hidden" name="intent" value="correct" />
                      <input type="hidden" name="checkId" value={c.id} />
                      <input type="hidden" name="kind" value={c.kindId} />
                      <ErrorFor failure={failure} intent="correct" checkId={c.id} />
                      <CheckFields
                        prefix={`correct-${c.id}`}
                        results={d.results}
                        today={d.today}
                        values={values("correct", c.id)}
                      />
                      <div className="field">
                        <label htmlFor={`correct-${c.id}-reason`}>{t("person.correctionReason")}</label>
                        <textarea
                          id={`correct-${c.id}-reason`}
                          name="reason"
                          maxLength={MAX_REASON_LENGTH}
                          defaultValue={values("correct", c.id)?.reason}
                          required
                        />
                      </div>
                      <button type="submit" className="button">
                        {t("person.correctButton")}
                      </button>
                    </Form>
                  </details>
                  <details open={failure?.intent === "renew" && failure.checkId === c.id}>
                    <summary>{t("person.renew")}</summary>
                    <Form method="post" className="stack">
                      <input type="hidden" name="intent" value="renew" />
                      <input type="hidden" name="checkId" value={c.id} />
                      <ErrorFor failure={failure} intent="renew" checkId={c.id} />
                      <CheckFields
                        prefix={`renew-${c.id}`}
                        results={d.results}
                        today={d.today}
                        values={values("renew", c.id)}
                      />
                      <button type="submit" className="button">
                        {t("person.renewButton")}
                      </button>
                    </Form>
                  </details>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="person-credentials">
        <h2 id="person-credentials">{t("person.credentials")}</h2>
        {d.credentials.length === 0 ? <p>{t("person.noCredentials")}</p> : null}
        <ul className="stack">
          {d.credentials.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>: {c.state}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
