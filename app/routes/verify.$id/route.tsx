// GET /verify/:id — public verification of a credential: no account, language from ?lang=
// then Accept-Language, noindex, rate-limited per IP. The server checks the signature and
// both status lists itself (cached per credential and list version).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "~/modules/auth/index.server.ts";
import {
  allowVerification,
  clearanceVerifyPage,
  confirmClearanceName,
  verifyLanguage,
  verifyPage,
} from "~/modules/credentials/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import styles from "~/styles/verify.css";
import { ClearanceVerification } from "./clearance.tsx";
import { BothNames, ValidityFacts, VerifyArticle } from "./verify-article.tsx";

export const links = () => [{ rel: "stylesheet", href: styles }];

const HEADERS = { "X-Robots-Tag": "noindex, nofollow", "Cache-Control": "private, no-store" };

async function tooMany(lang: "en" | "es") {
  const t = await getFixedT(lang);
  return new Response(t("credentials:tooManyRequests"), {
    status: 429,
    headers: { ...HEADERS, "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8" },
  });
}

async function page(request: Request, params: { id?: string }, context: unknown, typedName: string | null) {
  const lang = verifyLanguage(request);
  if (!(await allowVerification(clientIp(context)))) throw await tooMany(lang);
  const t = await getFixedT(lang);
  const view = await verifyPage(params.id ?? "", lang, { typedName });
  if (view) return { lang, title: t("credentials:verify.title"), view, clearance: null };
  // Not a training credential: a clearance's stable link or one of its attestations.
  const clearance = await clearanceVerifyPage(params.id ?? "", lang);
  if (!clearance) throw new Response(null, { status: 404, headers: HEADERS });
  return { lang, title: t("credentials:clearance.title"), view: null, clearance };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return data(await page(request, params, context, null), { headers: HEADERS });
}

/** "Confirm the name to view": the typed name is posted, never put in the URL. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const typed = form.get("name");
  const name = typeof typed === "string" ? typed.slice(0, 200) : "";
  const result = await page(request, params, context, name);
  if (result.view)
    return data({ confirmed: result.view.nameConfirmed, holderName: result.view.holderName }, { headers: HEADERS });
  // A clearance: the typed name is hashed with the signed salt and compared, at most so many
  // times per address (guessing names is refused and logged).
  const check = await confirmClearanceName(params.id ?? "", name, clientIp(context));
  if (!check) throw new Response(null, { status: 404, headers: HEADERS });
  if (!check.ok) return data({ confirmed: null, holderName: null, limited: true }, { status: 429, headers: HEADERS });
  return data({ confirmed: check.matches, holderName: null }, { headers: HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ? `${data.title} · Puente` : "Puente" },
  { name: "robots", content: "noindex, nofollow" },
];

export default function VerifyPage() {
  const { lang, view, clearance } = useLoaderData<typeof loader>();
  const confirmation = useActionData<typeof action>();
  if (clearance)
    return (
      <ClearanceVerification
        view={clearance}
        confirmation={confirmation ? { confirmed: confirmation.confirmed, limited: "limited" in confirmation } : null}
      />
    );
  return <VerifyCredential lang={lang} view={view!} confirmation={confirmation ?? null} />;
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Confirmation = ReturnType<typeof useActionData<typeof action>>;

function VerifyCredential({
  lang,
  view,
  confirmation,
}: {
  lang: Loaded["lang"];
  view: NonNullable<Loaded["view"]>;
  confirmation: Confirmation | null;
}) {
  const { t } = useTranslation("credentials", { lng: lang });
  const state = view.verdict.state;
  const holderName = view.holderName ?? confirmation?.holderName ?? null;
  return (
    <VerifyArticle kind="verify" lang={lang} view={view} url={view.verifyUrl} pendingFrom={view.validFrom}>
      {view.renewedFrom ? <p className="verify-note">{t("verify.renewedBy", { date: view.renewedFrom })}</p> : null}
      {view.renews ? <p className="verify-note">{t("verify.renews")}</p> : null}
      <dl className="verify-facts">
        <dt>{t("verify.holder")}</dt>
        <dd>
          {holderName ? (
            <span className="verify-holder">{holderName}</span>
          ) : (
            <>
              <p>{t("verify.nameHidden")}</p>
              <Form method="post" className="verify-confirm no-print">
                <label>
                  {t("verify.confirmName")}
                  <input name="name" type="text" autoComplete="off" required maxLength={200} />
                </label>
                <button type="submit">{t("verify.confirm")}</button>
              </Form>
              {confirmation?.confirmed === false ? <p role="alert">{t("verify.nameDoesNotMatch")}</p> : null}
            </>
          )}
          {holderName && confirmation?.confirmed ? <p>{t("verify.nameMatches")}</p> : null}
        </dd>
        <dt>{t("verify.achievement")}</dt>
        <dd>
          <BothNames lang={lang} name={view.name} />
        </dd>
        <ValidityFacts
          lang={lang}
          issuer={view.issuer}
          issued={view.issued}
          validFrom={view.renews ? view.validFrom : null}
          expiresLabel={t("verify.expires")}
          expires={view.expires}
          state={state}
        />
        {view.hours !== null ? (
          <>
            <dt>{t("verify.hours")}</dt>
            <dd>
              {t("verify.hoursValue", { count: view.hours })}
              <br />
              <small>{t("verify.hoursNote")}</small>
            </dd>
          </>
        ) : null}
      </dl>
    </VerifyArticle>
  );
}
