import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { orNotFound, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import {
  accommodatableLearners,
  accommodationsFor,
  grantAccommodation,
  quizFromParams,
  quizTitle,
} from "~/modules/quiz/index.server.ts";
import { MAX_EXTRA_ATTEMPTS, MAX_EXTRA_MINUTES, MAX_REASON_LENGTH } from "~/modules/quiz/index.ts";
import { accommodationSchema } from "./schema.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, course, quiz, base } = orNotFound(quizFromParams(params));
  const { user, orgIds } = await requirePermission(request, "update:accommodation:org");
  // Nobody grants themself an accommodation (the action refuses it too).
  const learners = (await accommodatableLearners(orgIds)).filter((l) => l.id !== user.id);
  const current = await accommodationsFor(
    quiz.id,
    learners.map((l) => l.id),
  );
  const t = await getFixedT(lang);
  return {
    base,
    title: `${t("quiz:accommodations.title")} — ${quizTitle(quiz, lang, course.id)}`,
    learners: learners.map((l) => ({ id: l.id, label: `${l.name} (${l.email})` })),
    current: current.map((c) => ({ ...c, name: learners.find((l) => l.id === c.userId)?.name ?? "" })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const { quiz } = orNotFound(quizFromParams(params));
  const { user, orgIds } = await requirePermission(request, "update:accommodation:org");
  const submission = parseWithZod(await readForm(request), { schema: accommodationSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), savedFor: null }, { status: 400 });
  const outcome = await grantAccommodation({ actorId: user.id, orgIds, quizId: quiz.id, ...submission.value });
  // A learner outside the caller's organizations answers 404, like one that does not exist (issue 18).
  if (!outcome.ok)
    return data(
      { result: submission.reply({ fieldErrors: { userId: [outcome.reason] } }), savedFor: null },
      { status: outcome.reason === "unknownLearner" ? 404 : 400 },
    );
  return { result: submission.reply({ resetForm: true }), savedFor: submission.value.userId };
}

export default function Accommodations() {
  const { base, title, learners, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("quiz");
  const [form, fields] = useForm<z.input<typeof accommodationSchema>>({
    lastResult: actionData?.result,
    defaultValue: { extraMinutes: "0", extraAttempts: "0" },
  });
  const error = (key: string | undefined, max = 0) =>
    key ? t(`accommodations.${key}` as "accommodations.invalidNumber", { max }) : null;
  const savedName = learners.find((l) => l.id === actionData?.savedFor)?.label;
  return (
    <div className="page page--narrow">
      <p className="muted">
        <Link to={base}>{t("review.backToQuiz")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("accommodations.intro")}</p>
      {savedName ? <Notice tone="success">{t("accommodations.saved", { name: savedName })}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <div className="field">
          <label htmlFor={fields.userId.id}>{t("accommodations.learner")}</label>
          <select
            id={fields.userId.id}
            name={fields.userId.name}
            aria-invalid={fields.userId.errors ? true : undefined}
            aria-describedby={fields.userId.errors ? fields.userId.errorId : undefined}
          >
            <option value="">{t("attempt.choose")}</option>
            {learners.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
          {fields.userId.errors ? (
            <p id={fields.userId.errorId} className="field__error">
              {error(fields.userId.errors[0])}
            </p>
          ) : null}
        </div>
        {(["extraMinutes", "extraAttempts"] as const).map((name) => {
          const meta = fields[name];
          const max = name === "extraMinutes" ? MAX_EXTRA_MINUTES : MAX_EXTRA_ATTEMPTS;
          return (
            <div className="field" key={name}>
              <label htmlFor={meta.id}>{t(`accommodations.${name}`)}</label>
              <input
                id={meta.id}
                name={meta.name}
                type="number"
                min={0}
                max={max}
                defaultValue={meta.initialValue}
                inputMode="numeric"
                aria-invalid={meta.errors ? true : undefined}
                aria-describedby={meta.errors ? meta.errorId : undefined}
              />
              {meta.errors ? (
                <p id={meta.errorId} className="field__error">
                  {error(meta.errors[0], max)}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={fields.reason.id}>{t("accommodations.reason")}</label>
          <p id={`${fields.reason.id}-hint`} className="muted">
            {t("accommodations.reasonHint")}
          </p>
          <textarea
            id={fields.reason.id}
            name={fields.reason.name}
            rows={3}
            maxLength={MAX_REASON_LENGTH}
            defaultValue={fields.reason.initialValue}
            aria-invalid={fields.reason.errors ? true : undefined}
            aria-describedby={
              fields.reason.errors ? `${fields.reason.id}-hint ${fields.reason.errorId}` : `${fields.reason.id}-hint`
            }
          />
          {fields.reason.errors ? (
            <p id={fields.reason.errorId} className="field__error">
              {error(fields.reason.errors[0], MAX_REASON_LENGTH)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          {t("accommodations.grant")}
        </button>
      </Form>
      <h2>{t("accommodations.current")}</h2>
      {current.length === 0 ? <p>{t("accommodations.none")}</p> : null}
      <ul className="plain-list">
        {current.map((c) => (
          <li key={c.userId}>
            <strong>{c.name}</strong>: {t("accommodations.extraMinutes")} {c.extraMinutes} ·{" "}
            {t("accommodations.extraAttempts")} {c.extraAttempts}
            {c.reason ? ` · ${t("accommodations.reason")}: ${c.reason}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
