import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { getMemberships, requireUser } from "~/modules/auth/index.server.ts";
import { orgsGranting, type Permission } from "~/modules/auth/index.ts";
import { personVetting } from "~/modules/vetting/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { forbidden, notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { personAction } from "./action.server.ts";
import { AssignForm, ChangeForms, EndForm, RecordForm, type Failure } from "./check-forms.tsx";
import { Clearances } from "./clearances.tsx";
import { personView, type PersonAccess } from "./view.server.ts";
import styles from "~/styles/verify.css";

// The clearance cards share the credential cards' layout (card, share link, QR code).
export const links = () => [{ rel: "stylesheet", href: styles }];

/** The caller's organizations for each thing this page does. */
async function access(request: Request): Promise<PersonAccess> {
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
  const caller = await access(request);
  const orgIds = [...new Set([...caller.readChecks, ...caller.assign])];
  if (orgIds.length === 0) forbidden();
  const now = new Date();
  const record = await personVetting({ orgIds, userId: params.userId ?? "", now });
  if (!record) throw notFound();
  const done = new URL(request.url).searchParams.get("done");
  return personView({ lang, access: caller, orgIds, record, now, done });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const caller = await access(request);
  const form = await readForm(request);
  return personAction({ lang, access: caller, userId: params.userId ?? "", form });
}

export default function VettingPerson() {
  const d = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const { t } = useTranslation("vetting");
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
                  {a.canEnd ? <EndForm assignmentId={a.id} failure={failure} /> : null}
                </>
              )}
            </li>
          ))}
        </ul>
        {d.canAssign ? <AssignForm orgs={d.assignOrgs} profiles={d.profiles} failure={failure} /> : null}
      </section>

      {d.canRecord ? (
        <RecordForm orgs={d.checkOrgs} kinds={d.kinds} results={d.results} today={d.today} failure={failure} />
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
              {c.canChange ? <ChangeForms check={c} results={d.results} today={d.today} failure={failure} /> : null}
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
