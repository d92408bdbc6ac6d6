// An enrolment code's page (`/{lang}/join/:code`): signed in, redeeming is the person's
// consent; signed out, they sign in first or create an account here, in the page's language.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormSummary } from "~/components/forms.tsx";
import { SignUpFields } from "~/components/sign-up-fields.tsx";
import { clientIp, getUser, signUp } from "~/modules/auth/index.server.ts";
import { emailField, nameField, passwordField } from "~/modules/auth/index.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { previewCode, redeemCode } from "~/modules/orgs/index.server.ts";

const joinSignUpSchema = z.object({
  intent: z.literal("signUp"),
  name: nameField,
  email: emailField,
  password: passwordField,
  privacy: z.literal("on", { errorMap: () => ({ message: "consentRequired" }) }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const code = params.code ?? "";
  const [preview, user] = await Promise.all([previewCode(code), getUser(request)]);
  const base = { lang, code, title: t("orgs:join.title"), signedIn: user !== null };
  if (!preview.ok) {
    return data({ ...base, problem: t(`orgs:join.problems.${preview.reason}`), offer: null }, { status: 400 });
  }
  return {
    ...base,
    problem: null,
    offer: {
      cohortName: preview.cohortName,
      orgName: preview.orgName,
      courses: preview.courseIds.map((id) => getCourse(id)?.title[lang] ?? id),
    },
    loginPath: `/${lang}/login?${new URLSearchParams({ redirectTo: `/${lang}/join/${code}` })}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const code = params.code ?? "";
  const user = await getUser(request);
  const form = await readForm(request);
  if (user) {
    const outcome = await redeemCode(user.id, code);
    if (!outcome.ok) return data({ message: t(`orgs:join.problems.${outcome.reason}`), result: null }, { status: 400 });
    throw redirect(`/${lang}/learn?joined=1`);
  }
  const submission = parseWithZod(form, { schema: joinSignUpSchema });
  if (submission.status !== "success") {
    return data({ message: null, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const preview = await previewCode(code);
  if (!preview.ok) return data({ message: t(`orgs:join.problems.${preview.reason}`), result: null }, { status: 400 });
  const { name, email, password } = submission.value;
  const created = await signUp({ name, email, password, language: lang }, clientIp(context));
  if (!created.ok) {
    const message = t("auth:tooManyRequests", { count: created.retryAfterMinutes });
    return data({ message, result: submission.reply({ hideFields: ["password"] }) }, { status: 429 });
  }
  // A new account joins at once. For an address that already has one, its owner was mailed
  // (as on the sign-up page) and must sign in to redeem: the answer is the same either way.
  if (created.createdUserId) {
    const outcome = await redeemCode(created.createdUserId, code);
    if (!outcome.ok) return data({ message: t(`orgs:join.problems.${outcome.reason}`), result: null }, { status: 400 });
  }
  throw redirect(`/${lang}/verify-email?sent=1&joined=1`);
}

export default function JoinPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const [form, fields] = useForm<z.input<typeof joinSignUpSchema>>({
    id: "join-sign-up",
    lastResult: actionData?.result ?? undefined,
  });
  const { lang, problem, offer, signedIn } = loaderData;
  if (problem || !offer) {
    return (
      <div className="page page--narrow">
        <h1>{t("join.title")}</h1>
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
        <p>
          <Link to={`/${lang}/join`}>{t("join.tryAnother")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("join.offerTitle", { cohort: offer.cohortName })}</h1>
      <p>{t("join.offer", { org: offer.orgName, cohort: offer.cohortName })}</p>
      <ul>
        {offer.courses.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {actionData?.message ? (
        <p role="alert" className="notice notice--error">
          {actionData.message}
        </p>
      ) : null}
      {signedIn ? (
        <Form method="post" className="stack">
          <p>{t("join.consent", { org: offer.orgName })}</p>
          <button type="submit" name="intent" value="redeem" className="button">
            {t("join.submit")}
          </button>
        </Form>
      ) : (
        <>
          <h2>{t("join.haveAccount")}</h2>
          <p>
            <Link to={"loginPath" in loaderData ? loaderData.loginPath : `/${lang}/login`} className="button">
              {t("join.signIn")}
            </Link>
          </p>
          <h2>{t("join.newAccount")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormSummary errors={actionData?.result ? [""] : undefined} />
            <input type="hidden" name="intent" value="signUp" />
            <SignUpFields lang={lang} fields={fields} />
            <p className="muted">{t("join.newAccountNote", { org: offer.orgName })}</p>
            <button type="submit" className="button">
              {t("join.signUpSubmit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
