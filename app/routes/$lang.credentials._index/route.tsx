// /{lang}/credentials — the signed-in person's own credentials: status, dates, what renewing
// requires, and the ways to share each one (verification page, signed JSON, PDF, copy-link,
// LinkedIn, QR code). The "confirm the name to view" switch posts here, scoped to the holder.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requireUser } from "~/modules/auth/index.server.ts";
import {
  awardEarnedCredentials,
  holderCards,
  holderClearances,
  ownCredentialRecord,
  setNameConfirmation,
} from "~/modules/credentials/index.server.ts";
import { ClearanceCard } from "~/components/clearance-card.tsx";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import styles from "~/styles/verify.css";
import { CredentialCard } from "./credential-card.tsx";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const t = await getFixedT(lang);
  const done = new URL(request.url).searchParams.get("done") === "nameConfirmation";
  // What was earned and not issued — the process died between the event that earned it and
  // the issuance (decision 018), e.g. after an email verification, whose link is then used up —
  // is issued when its holder comes to look for it.
  await awardEarnedCredentials(user.id);
  return data(
    {
      lang,
      title: t("credentials:holder.title"),
      credentials: await holderCards(user.id, lang),
      clearances: await holderClearances(user.id, lang),
      done,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

/** The holder's "confirm the name to view" switch, for one of their own credentials only. */
export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = form.get("credentialId");
  const value = form.get("nameConfirmation");
  if (typeof id !== "string" || (value !== "on" && value !== "off")) throw new Response(null, { status: 400 });
  // Scoped to the holder in the query: another person's id is "not found".
  if (!(await ownCredentialRecord(user.id, id))) notFound();
  await setNameConfirmation(user.id, id, value === "on");
  throw redirect(`/${lang}/credentials?done=nameConfirmation#credential-${id}`);
}

export default function HolderCredentials() {
  const { lang, credentials, clearances, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation("credentials");
  return (
    <div className="page holder-credentials">
      <h1>{t("holder.title")}</h1>
      {done ? <Notice tone="success">{t("holder.confirm.done")}</Notice> : null}
      {credentials.length === 0 ? (
        <p>
          {t("holder.empty")} <Link to={`/${lang}/courses`}>{t("holder.browse")}</Link>
        </p>
      ) : (
        <>
          <p>{t("holder.intro")}</p>
          <ul className="holder-list">
            {credentials.map((c) => (
              <li key={c.id}>
                <CredentialCard lang={lang} credential={c} />
              </li>
            ))}
          </ul>
        </>
      )}
      {clearances.length > 0 ? (
        <section aria-labelledby="holder-clearances">
          <h2 id="holder-clearances">{t("clearance.holderHeading")}</h2>
          <p>{t("clearance.holderIntro")}</p>
          <ul className="holder-list">
            {clearances.map((c) => (
              <li key={c.id}>
                <ClearanceCard clearance={c} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
