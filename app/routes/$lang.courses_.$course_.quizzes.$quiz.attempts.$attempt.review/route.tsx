import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requireUser } from "~/modules/auth/index.server.ts";
import { notFound, orNotFound, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime, formatPercent, otherLang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { attemptReview, quizFromParams, quizTitle, type ReviewItem } from "~/modules/quiz/index.server.ts";
import styles from "~/styles/quiz.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, course, quiz, base } = orNotFound(quizFromParams(params));
  const user = await requireUser(request);
  const t = await getFixedT(lang);
  const words = {
    yes: t("quiz:review.yes"),
    no: t("quiz:review.no"),
    position: (n: number) => t("quiz:review.positionPrefix", { n }),
  };
  const review = await attemptReview(params.attempt ?? "", user.id, quiz, lang, words);
  if (!review) notFound();
  return {
    lang,
    base,
    quizTitle: quizTitle(quiz, lang, course.id),
    title: t("quiz:review.title", { number: review.number }),
    submitted: formatDateTime(review.submittedAt, lang, user.timeZone),
    review,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

const HIDDEN_NOTICE = {
  last: "review.answersHidden",
  pass: "review.answersHiddenUntilPass",
  "pass-or-last": "review.answersHiddenUntilPassOrLast",
} as const;

function Mark({ item }: { item: ReviewItem }) {
  const { t, i18n } = useTranslation("quiz");
  if (item.correct === null || item.score === null) return null;
  const text = item.correct
    ? t("review.correct")
    : item.score > 0
      ? t("review.partial", { percent: formatPercent(item.score, i18n.language as "en") })
      : t("review.incorrect");
  return <p className="review-mark">{text}</p>;
}

export default function Review() {
  const { lang, base, quizTitle, title, submitted, review } = useLoaderData<typeof loader>();
  const { t } = useTranslation("quiz");
  const other = otherLang(lang);
  return (
    <div className="page quiz-page">
      <p className="muted">
        <Link to={base}>{quizTitle}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted">{submitted}</p>
      <Notice tone={review.passed ? "success" : "error"}>
        <strong>{t("review.score", { percent: formatPercent(review.percent / 100, lang) })}</strong>{" "}
        {review.passed
          ? t("review.passed", { passMark: formatPercent(review.passMark / 100, lang) })
          : t("review.failed", { passMark: formatPercent(review.passMark / 100, lang) })}
      </Notice>
      {review.late ? <Notice tone="warning">{t("review.late")}</Notice> : null}
      {review.answersShownAfter ? <Notice>{t(HIDDEN_NOTICE[review.answersShownAfter])}</Notice> : null}
      {review.units.map((unit, u) => (
        <section key={u} className={unit.scenario ? "quiz-case" : undefined}>
          {unit.scenario ? <p className="quiz-case__scenario">{unit.scenario}</p> : null}
          {unit.items.map((item) => {
            const tone =
              item.correct === null ? "" : item.correct ? "correct" : (item.score ?? 0) > 0 ? "partial" : "incorrect";
            return (
              <article key={item.key} className={`review-item review-item--${tone}`} aria-labelledby={`${item.key}-q`}>
                <h2 id={`${item.key}-q`} className="quiz-item__prompt">
                  <span className="quiz-item__number">{t("attempt.question", { number: item.number })}</span>
                  {item.prompt}
                </h2>
                <Mark item={item} />
                <dl>
                  <dt>{t("review.yourAnswer")}</dt>
                  <dd>
                    {item.yourAnswer.length
                      ? item.yourAnswer.map((a, i) => <div key={i}>{a}</div>)
                      : t("review.noAnswer")}
                  </dd>
                  {item.correctAnswer ? (
                    <>
                      <dt>{t("review.correctAnswer")}</dt>
                      <dd>
                        {item.correctAnswer.map((a, i) => (
                          <div key={i}>{a}</div>
                        ))}
                      </dd>
                    </>
                  ) : null}
                  {item.explanation ? (
                    <>
                      <dt>{t("review.explanation")}</dt>
                      <dd>{item.explanation}</dd>
                    </>
                  ) : null}
                </dl>
                {item.explanationOther ? (
                  <details lang={other}>
                    <summary lang={lang}>{t("review.otherLanguage")}</summary>
                    <p>
                      <strong>{item.promptOther}</strong>
                    </p>
                    <p>{item.explanationOther}</p>
                  </details>
                ) : null}
              </article>
            );
          })}
        </section>
      ))}
      <p>
        <Link to={base} className="button button--secondary">
          {t("review.backToQuiz")}
        </Link>
      </p>
    </div>
  );
}
