// The person page's changes: record, correct or renew a check, assign or end a profile (the
// vetting module decides), and the clearance intents (clearances.server.ts). Success redirects
// back with a notice; a refusal comes back as a translated message beside its form.
import { data, redirect } from "@remix-run/node";
import { clearanceDataChanged } from "~/modules/credentials/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import {
  assignProfile,
  correctCheck,
  endAssignment,
  MAX_EVIDENCE_LENGTH,
  MAX_REASON_LENGTH,
  recordCheck,
  renewCheck,
  type RecordOutcome,
} from "~/modules/vetting/index.server.ts";
import { forbidden, notFound } from "~/modules/web/index.ts";
import { clearanceAction, CLEARANCE_INTENTS } from "./clearances.server.ts";
import type { Done, PersonAccess } from "./view.server.ts";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

const NOT_YOURS: ReadonlySet<string> = new Set(["notFound", "otherOrg"]);

export async function personAction(input: { lang: Lang; access: PersonAccess; userId: string; form: FormData }) {
  const { lang, userId, form } = input;
  const { user, writeChecks, assign } = input.access;
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
