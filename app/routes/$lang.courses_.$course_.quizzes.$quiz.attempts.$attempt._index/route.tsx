import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunctionArgs } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ItemFields } from "~/components/quiz/item-fields.tsx";
import { QuizTimer } from "~/components/quiz/quiz-timer.tsx";
import { useAutosave } from "~/components/quiz/use-autosave.ts";
import { Notice } from "~/components/forms.tsx";
import { readForm } from "~/modules/web/index.server.ts";
import { refreshCourseCompletion } from "~/modules/learning/index.server.ts";
import { orNotFound, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime, isLang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import {
  answerErrorMessages,
  openAttemptFromParams,
  publicUnits,
  quizTitle,
  saveAnswers,
  savedAnswers,
  snapshotItems,
  submitAttempt,
} from "~/modules/quiz/index.server.ts";
import styles from "~/styles/quiz.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, course, quiz, base, user, attempt } = orNotFound(await openAttemptFromParams(request, params));
  if (attempt.status !== "open") throw redirect(`${base}/attempts/${attempt.id}/review`);
  // An attempt continues in the language it was started in, so statistics per language hold.
  if (isLang(attempt.lang) && attempt.lang !== lang)
    throw redirect(`/${attempt.lang}${new URL(request.url).pathname.slice(3)}?moved=1`);
  const saved = await savedAnswers(attempt.id);
  const latest = [...saved.values()].reduce<Date | null>((max, s) => (!max || s.savedAt > max ? s.savedAt : max), null);
  return {
    lang,
    title: quizTitle(quiz, lang, course.id),
    number: attempt.number,
    attemptId: attempt.id,
    units: publicUnits(attempt.snapshot, lang),
    saved: Object.fromEntries([...saved].map(([key, s]) => [key, s.answer])),
    savedAt: latest ? formatDateTime(latest, lang, user.timeZone) : null,
    deadline: attempt.deadlineAt?.toISOString() ?? null,
    serverNow: new Date().toISOString(),
    moved: new URL(request.url).searchParams.has("moved"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

// Autosaves post here without reloading the attempt.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === "save" ? false : defaultShouldRevalidate;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, base, user, attempt } = orNotFound(await openAttemptFromParams(request, params));
  const form = await readForm(request);
  const intent = form.get("intent");
  const fields = [...form.entries()].filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent",
  );
  const t = await getFixedT(lang);
  if (intent === "submit") {
    const result = await submitAttempt({ attemptId: attempt.id, userId: user.id, fields, read: attempt });
    if (!result.ok) {
      const errors = result.reason === "invalid" ? answerErrorMessages(t, result.errors) : [t("quiz:errors.notFound")];
      return data({ ok: false as const, errors, confirm: null }, { status: 400 });
    }
    // A pass may complete the course; record it now rather than on the next visit.
    if (result.passed) await refreshCourseCompletion(user.id, attempt.courseId, new Date(), { quizPassed: true });
    throw redirect(`${base}/attempts/${attempt.id}/review`);
  }
  if (intent !== "save" && intent !== "prepare")
    return data({ ok: false as const, errors: [t("errors:badRequest.body")], confirm: null }, { status: 400 });
  const saved = await saveAnswers({ attemptId: attempt.id, userId: user.id, fields });
  if (!saved.ok) {
    const errors =
      saved.reason === "invalid" ? answerErrorMessages(t, saved.errors) : [t(`quiz:errors.${saved.reason}`)];
    return data({ ok: false as const, errors, confirm: null }, { status: saved.reason === "invalid" ? 400 : 409 });
  }
  const savedAt = formatDateTime(saved.savedAt, lang, user.timeZone);
  if (intent === "save") return { ok: true as const, savedAt, errors: [], confirm: null };
  const answered = await savedAnswers(attempt.id);
  const unanswered = snapshotItems(attempt.snapshot)
    .filter((item) => !answered.has(item.key))
    .map((item) => Number(item.key.slice(1)));
  return { ok: true as const, savedAt, errors: [], confirm: { unanswered } };
}

export default function TakeAttempt() {
  const {
    lang,
    title,
    number,
    attemptId,
    units,
    saved,
    savedAt: initialSavedAt,
    deadline,
    serverNow,
    moved,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("quiz");
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const { status, savedAt, problems, schedule } = useAutosave(formRef, attemptId);
  const problemOf = new Map(problems.filter((p) => p.key).map((p) => [p.key, p.message]));
  const expire = useCallback(() => formRef.current?.requestSubmit(submitRef.current), []);
  const confirm = actionData?.confirm ?? null;
  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);
  let n = 0;
  const lastSaved = savedAt ?? initialSavedAt;
  const statusText =
    status === "saving"
      ? t("attempt.saving")
      : status === "offline"
        ? t("attempt.offline")
        : status === "busy"
          ? t("attempt.busy")
          : status === "failed"
            ? t("attempt.saveFailed")
            : status === "invalid"
              ? t("attempt.refusedAnswer", { problems: problems.map((p) => p.message).join(" ") })
              : status === "signedOut"
                ? t("attempt.signedOut")
                : status === "refused"
                  ? (problems[0]?.message ?? t("attempt.refused"))
                  : lastSaved
                    ? t("attempt.saved", { time: lastSaved })
                    : t("attempt.notSaved");
  return (
    <div className="page quiz-page">
      <h1>{t("attempt.title", { quiz: title, number })}</h1>
      {moved ? <Notice>{t("attempt.inOtherLanguage")}</Notice> : null}
      <div className="quiz-status">
        <p role="status" className={`save-state save-state--${status}`}>
          {statusText}
          {status === "signedOut" ? (
            <>
              {" "}
              <a href={`/${lang}/login`} target="_blank" rel="noreferrer">
                {t("attempt.signInAgain")}
              </a>
            </>
          ) : null}
        </p>
        {deadline ? <QuizTimer deadline={deadline} serverNow={serverNow} onExpire={expire} /> : null}
      </div>
      {actionData?.errors?.length ? (
        <div role="alert" className="notice notice--error">
          <ul>
            {actionData.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" ref={formRef} onChange={schedule} className="quiz-form">
        {units.map((unit, u) => (
          <section
            key={u}
            className={unit.scenario ? "quiz-case" : undefined}
            aria-label={unit.scenario ? t("attempt.caseHeading") : undefined}
          >
            {unit.scenario ? (
              <>
                <h2 className="quiz-case__heading">{t("attempt.caseHeading")}</h2>
                <p className="quiz-case__scenario">{unit.scenario}</p>
                {unit.casePrompt ? <p>{unit.casePrompt}</p> : null}
              </>
            ) : null}
            {unit.items.map((item) => (
              <ItemFields
                key={item.key}
                item={item}
                number={++n}
                saved={saved[item.key] as never}
                error={problemOf.get(item.key)}
              />
            ))}
          </section>
        ))}
        {confirm ? (
          <section className="confirm-panel" aria-labelledby="confirm-title">
            <h2 id="confirm-title" tabIndex={-1} ref={confirmRef}>
              {t("attempt.confirmTitle")}
            </h2>
            {confirm.unanswered.length ? (
              <p>
                {t("attempt.confirmUnanswered", { count: confirm.unanswered.length })} {confirm.unanswered.join(", ")}
              </p>
            ) : (
              <p>{t("attempt.confirmAllAnswered")}</p>
            )}
            <div className="button-row">
              <button type="submit" name="intent" value="submit" className="button">
                {t("attempt.confirmSubmit")}
              </button>
              <a href="#main" className="button button--secondary">
                {t("attempt.keepWorking")}
              </a>
            </div>
          </section>
        ) : null}
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t("attempt.save")}
          </button>
          <button type="submit" name="intent" value="prepare" className="button">
            {t("attempt.submit")}
          </button>
          <button type="submit" name="intent" value="submit" ref={submitRef} hidden tabIndex={-1} aria-hidden="true" />
        </div>
      </Form>
    </div>
  );
}
