import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requireUser } from "~/modules/auth/index.server.ts";
import { contentVersion } from "~/modules/content/index.server.ts";
import { attemptCycleStart } from "~/modules/credentials/index.server.ts";
import { forbidden, orNotFound, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime, formatPercent } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { isEnrolled } from "~/modules/learning/index.server.ts";
import {
  attemptsOf,
  questionRange,
  quizFromParams,
  quizStanding,
  quizTitle,
  startAttempt,
} from "~/modules/quiz/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, course, quiz, base } = orNotFound(quizFromParams(params));
  const user = await requireUser(request);
  // Recertifying a credential counts attempts afresh from its window.
  const cycleStart = await attemptCycleStart(user.id, quiz.id);
  const [enrolled, standing, attempts] = await Promise.all([
    isEnrolled(user.id, course.id),
    quizStanding(user.id, quiz, new Date(), cycleStart),
    attemptsOf(user.id, quiz.id),
  ]);
  return {
    lang,
    base,
    timeZone: user.timeZone,
    title: quizTitle(quiz, lang, course.id),
    courseTitle: course.title[lang],
    courseId: course.id,
    questions: questionRange(quiz),
    settings: { passMark: quiz.settings.passMark, reviewPolicy: quiz.settings.reviewPolicy },
    enrolled,
    standing,
    attempts,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, course, quiz, base } = orNotFound(quizFromParams(params));
  const user = await requireUser(request);
  if (!(await isEnrolled(user.id, course.id))) forbidden();
  const result = await startAttempt({
    userId: user.id,
    quiz,
    courseId: course.id,
    lang,
    contentVersion: contentVersion(),
    cycleStart: await attemptCycleStart(user.id, quiz.id),
  });
  if (result.ok) throw redirect(`${base}/attempts/${result.attemptId}`);
  const t = await getFixedT(lang);
  const message =
    result.reason === "coolingDown"
      ? t("quiz:errors.coolingDown", { time: formatDateTime(result.until, lang, user.timeZone) })
      : t("quiz:errors.noAttemptsLeft");
  return data({ message }, { status: 400 });
}

export default function QuizIntro() {
  const { lang, base, timeZone, title, courseTitle, courseId, questions, settings, enrolled, standing, attempts } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("quiz");
  const canStart = enrolled && standing.attemptsLeft !== 0 && !standing.cooldownUntil;
  return (
    <div className="page page--narrow">
      <p className="muted">
        <Link to={`/${lang}/courses/${courseId}`}>{courseTitle}</Link>
      </p>
      <h1>{title}</h1>
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <ul className="plain-list">
        <li>
          {questions.min === questions.max
            ? t("intro.items", { count: questions.min })
            : t("intro.itemsRange", { min: questions.min, max: questions.max })}
        </li>
        <li>{t("intro.passMark", { percent: formatPercent(settings.passMark / 100, lang) })}</li>
        <li>
          {standing.attemptsAllowed === null
            ? t("intro.attemptsUnlimited", { used: standing.attemptsUsed })
            : t("intro.attempts", { used: standing.attemptsUsed, allowed: standing.attemptsAllowed })}
          {standing.extraAttempts ? ` ${t("intro.extraAttempts", { count: standing.extraAttempts })}` : ""}
        </li>
        <li>
          {standing.timeLimitMinutes === null
            ? t("intro.noTimeLimit")
            : standing.extraMinutes
              ? t("intro.timeLimitAdjusted", { minutes: standing.timeLimitMinutes, extra: standing.extraMinutes })
              : t("intro.timeLimit", { minutes: standing.timeLimitMinutes })}
        </li>
      </ul>
      {settings.reviewPolicy === "after-last-attempt" ? <p className="muted">{t("intro.hidesAnswers")}</p> : null}
      {settings.reviewPolicy === "after-pass-or-last" ? (
        <p className="muted">
          {t(standing.attemptsAllowed === null ? "intro.marksThenAnswersOnPass" : "intro.marksThenAnswers")}
        </p>
      ) : null}
      {standing.passed ? <Notice tone="success">{t("intro.passedAlready")}</Notice> : null}
      {!enrolled ? (
        <Notice>
          {t("intro.notEnrolled")} <Link to={`/${lang}/courses/${courseId}`}>{t("intro.enrolLink")}</Link>
        </Notice>
      ) : standing.openAttemptId ? (
        <p>
          <Link className="button" to={`${base}/attempts/${standing.openAttemptId}`}>
            {t("intro.resume")}
          </Link>
        </p>
      ) : standing.attemptsLeft === 0 ? (
        <Notice>{t("intro.noAttemptsLeft")}</Notice>
      ) : standing.cooldownUntil ? (
        <Notice>{t("intro.cooldown", { time: formatDateTime(standing.cooldownUntil, lang, timeZone) })}</Notice>
      ) : null}
      {canStart && !standing.openAttemptId ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("intro.start")}
          </button>
        </Form>
      ) : null}
      {attempts.length ? (
        <>
          <h2>{t("intro.pastAttempts")}</h2>
          <ul className="plain-list">
            {attempts.map((a) => (
              <li key={a.id}>
                {t("intro.attemptRow", { number: a.number })} ·{" "}
                {a.submittedAt ? formatDateTime(a.submittedAt, lang, timeZone) : ""} ·{" "}
                {formatPercent((a.percent ?? 0) / 100, lang)} ·{" "}
                <Link to={`${base}/attempts/${a.id}/review`}>{t("intro.review")}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
