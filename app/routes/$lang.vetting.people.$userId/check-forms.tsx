// The person page's forms: assign or end a profile, record a check, correct or renew one. A
// refused submission comes back as a Failure and reopens its own form with what was typed.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_EVIDENCE_LENGTH, MAX_REASON_LENGTH } from "~/modules/vetting/index.ts";

export type Failure = { intent: string; checkId: string; message: string; values: Record<string, string> };
type Option = { id: string; name: string };

/** What was typed into the form that failed, when `intent` (on `checkId`) is that form. */
export function failedValues(failure: Failure | undefined, intent: string, checkId = "") {
  return failure && failure.intent === intent && failure.checkId === checkId ? failure.values : undefined;
}

export function ErrorFor({ failure, intent, checkId = "" }: { failure?: Failure; intent: string; checkId?: string }) {
  if (!failure || failure.intent !== intent || failure.checkId !== checkId) return null;
  return (
    <p className="field__error" role="alert" id={`error-${intent}-${checkId}`}>
      {failure.message}
    </p>
  );
}

/** A select of the caller's organizations, or a hidden field when there is only one. */
function OrgField({ id, orgs, value }: { id: string; orgs: Option[]; value?: string }) {
  const { t } = useTranslation("vetting");
  if (orgs.length <= 1) return <input type="hidden" name="orgId" value={orgs[0]!.id} />;
  return (
    <div className="field">
      <label htmlFor={id}>{t("person.organization")}</label>
      <select id={id} name="orgId" defaultValue={value}>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
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
  kinds?: Option[];
  results: Option[];
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

export function EndForm({ assignmentId, failure }: { assignmentId: string; failure?: Failure }) {
  const { t } = useTranslation("vetting");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="end" />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button type="submit" className="button button--secondary">
        {t("person.end")}
      </button>
      <ErrorFor failure={failure} intent="end" />
    </Form>
  );
}

export function AssignForm({ orgs, profiles, failure }: { orgs: Option[]; profiles: Option[]; failure?: Failure }) {
  const { t } = useTranslation("vetting");
  const values = failedValues(failure, "assign");
  return (
    <Form method="post" className="stack" aria-labelledby="assign-heading">
      <h3 id="assign-heading">{t("person.assign")}</h3>
      <input type="hidden" name="intent" value="assign" />
      <ErrorFor failure={failure} intent="assign" />
      <OrgField id="assign-org" orgs={orgs} value={values?.orgId} />
      <div className="field">
        <label htmlFor="assign-profile">{t("person.profile")}</label>
        <select id="assign-profile" name="profileId" defaultValue={values?.profileId}>
          {profiles.map((p) => (
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
  );
}

type CheckOptions = { results: Option[]; today: string; failure?: Failure };

export function RecordForm({
  orgs,
  kinds,
  results,
  today,
  failure,
}: CheckOptions & { orgs: Option[]; kinds: Option[] }) {
  const { t } = useTranslation("vetting");
  const values = failedValues(failure, "record");
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{t("person.record")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="record" />
        <ErrorFor failure={failure} intent="record" />
        <OrgField id="record-org" orgs={orgs} value={values?.orgId} />
        <CheckFields prefix="record" kinds={kinds} results={results} today={today} values={values} />
        <button type="submit" className="button">
          {t("person.recordButton")}
        </button>
      </Form>
    </section>
  );
}

/** Correct a check (a new entry that supersedes it, with a reason) or renew it (a later one). */
export function ChangeForms({
  check,
  results,
  today,
  failure,
}: CheckOptions & { check: { id: string; kindId: string } }) {
  const { t } = useTranslation("vetting");
  const { id } = check;
  return (
    <>
      <details open={failure?.intent === "correct" && failure.checkId === id}>
        <summary>{t("person.correct")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="correct" />
          <input type="hidden" name="checkId" value={id} />
          <input type="hidden" name="kind" value={check.kindId} />
          <ErrorFor failure={failure} intent="correct" checkId={id} />
          <CheckFields
            prefix={`correct-${id}`}
            results={results}
            today={today}
            values={failedValues(failure, "correct", id)}
          />
          <div className="field">
            <label htmlFor={`correct-${id}-reason`}>{t("person.correctionReason")}</label>
            <textarea
              id={`correct-${id}-reason`}
              name="reason"
              maxLength={MAX_REASON_LENGTH}
              defaultValue={failedValues(failure, "correct", id)?.reason}
              required
            />
          </div>
          <button type="submit" className="button">
            {t("person.correctButton")}
          </button>
        </Form>
      </details>
      <details open={failure?.intent === "renew" && failure.checkId === id}>
        <summary>{t("person.renew")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="renew" />
          <input type="hidden" name="checkId" value={id} />
          <ErrorFor failure={failure} intent="renew" checkId={id} />
          <CheckFields
            prefix={`renew-${id}`}
            results={results}
            today={today}
            values={failedValues(failure, "renew", id)}
          />
          <button type="submit" className="button">
            {t("person.renewButton")}
          </button>
        </Form>
      </details>
    </>
  );
}
