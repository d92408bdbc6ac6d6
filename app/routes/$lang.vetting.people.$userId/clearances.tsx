// The person page's clearance section: each clearance's link and QR code, revoke with a
// reason, and an issue button for every profile the person is cleared under now.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClearanceCard } from "~/components/clearance-card.tsx";
import { MAX_NOTE_LENGTH, REVOKE_REASONS } from "~/modules/credentials/index.ts";
import type { Failure } from "./check-forms.tsx";
import type { clearanceSection } from "./clearances.server.ts";

type Section = Awaited<ReturnType<typeof clearanceSection>>;

function Refusal({ failure, intent, id }: { failure?: Failure; intent: string; id: string }) {
  if (!failure || failure.intent !== intent || failure.checkId !== id) return null;
  return (
    <p className="field__error" role="alert">
      {failure.message}
    </p>
  );
}

export function Clearances({ lang, section, failure }: { lang: string; section: Section; failure?: Failure }) {
  const { t } = useTranslation("credentials");
  return (
    <section aria-labelledby="person-clearances-heading" id="person-clearances">
      <h2>
        <span id="person-clearances-heading">{t("clearance.officer.heading")}</span>
      </h2>
      {section.cards.length === 0 ? <p>{t("clearance.officer.none")}</p> : null}
      <ul className="stack plain-list">
        {section.cards.map((c) => (
          <li key={c.id}>
            <ClearanceCard clearance={c} lang={lang}>
              {c.canRevoke ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="clearance-revoke" />
                  <input type="hidden" name="clearanceId" value={c.id} />
                  <Refusal failure={failure} intent="clearance-revoke" id={c.id} />
                  <div className="field">
                    <label htmlFor={`revoke-reason-${c.id}`}>{t("clearance.officer.reason")}</label>
                    <select id={`revoke-reason-${c.id}`} name="reason" required defaultValue="">
                      <option value="" disabled>
                        —
                      </option>
                      {REVOKE_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`admin.reasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`revoke-note-${c.id}`}>{t("clearance.officer.note")}</label>
                    <textarea id={`revoke-note-${c.id}`} name="note" maxLength={MAX_NOTE_LENGTH} rows={2} />
                  </div>
                  <button type="submit" className="button button--secondary">
                    {t("clearance.officer.revoke")}
                  </button>
                </Form>
              ) : null}
            </ClearanceCard>
          </li>
        ))}
      </ul>
      {section.attestable.map((a) => {
        const id = `${a.orgId}|${a.profileId}`;
        return (
          <Form method="post" key={id} className="stack">
            <input type="hidden" name="intent" value="clearance-issue" />
            <input type="hidden" name="orgId" value={a.orgId} />
            <input type="hidden" name="profileId" value={a.profileId} />
            <Refusal failure={failure} intent="clearance-issue" id={id} />
            {a.cleared ? (
              <button type="submit" className="button">
                {a.renew ? t("clearance.officer.renew") : t("clearance.officer.issue")}: {a.label}
              </button>
            ) : (
              <p className="muted">
                {a.label}: {t("clearance.officer.notCleared")}
              </p>
            )}
          </Form>
        );
      })}
    </section>
  );
}
