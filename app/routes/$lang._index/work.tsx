import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HomeWork } from "./work.server.ts";

export function WorkFirst({ work }: { work: HomeWork; name: string }) {
  const { t } = useTranslation("orgs");
  const empty =
    !work.cohorts.length &&
    !work.due.length &&
    !work.continue.length &&
    !work.activity.length &&
    !work.checks &&
    !work.readiness;
  if (empty) return null;
  return (
    <>
      {work.readiness ? <ReadinessGlance readiness={work.readiness} /> : null}
      {work.checks ? <VettingWork checks={work.checks} /> : null}
      {work.cohorts.length ? (
        <section aria-labelledby="home-cohorts">
          <h2 id="home-cohorts">{t("home.cohorts")}</h2>
          <ul className="stack">
            {work.cohorts.map((c) => (
              <li key={c.key}>
                <Link to={c.href}>{c.name}</Link> — {t("home.cohortLine", { count: c.members, end: c.endsOn })}{" "}
                {c.overdue ? (
                  <Link to={c.overdueHref} className="badge badge--warning">
                    {t("home.overdue", { count: c.overdue })}
                  </Link>
                ) : (
                  <span className="muted">{t("home.noneOverdue")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work.due.length ? (
        <section aria-labelledby="home-due">
          <h2 id="home-due">{t("home.due")}</h2>
          <ul className="stack">
            {work.due.map((d) => (
              <li key={d.key}>
                <Link to={d.href}>{d.course}</Link> <span className="muted">({d.cohort})</span>{" "}
                {d.dueOn ? t("progress.due", { date: d.dueOn }) : t("home.noDueDate")}
                {d.overdue ? <span className="badge badge--warning">{t("progress.overdue")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work.continue.length ? (
        <section aria-labelledby="home-continue">
          <h2 id="home-continue">{t("home.continue")}</h2>
          <ul className="stack">
            {work.continue.map((c) => (
              <li key={c.courseId}>
                <Link to={c.href}>
                  {c.lesson ? t("home.continueLesson", { lesson: c.lesson, course: c.title }) : c.title}
                </Link>{" "}
                <span className="muted">{t("home.percent", { percent: c.percent })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work.activity.length ? (
        <section aria-labelledby="home-activity">
          <h2 id="home-activity">{t("home.activity")}</h2>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("home.activity")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cohort.courses")}</th>
                  <th scope="col">{t("home.learners")}</th>
                  <th scope="col">{t("home.completed")}</th>
                  <th scope="col">{t("home.attemptsWeek")}</th>
                </tr>
              </thead>
              <tbody>
                {work.activity.map((a) => (
                  <tr key={a.courseId}>
                    <th scope="row">{a.title}</th>
                    <td>{a.learners}</td>
                    <td>{a.completed}</td>
                    <td>{a.attemptsThisWeek}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

function VettingWork({ checks }: { checks: NonNullable<HomeWork["checks"]> }) {
  const { t } = useTranslation("vetting");
  const list = (id: string, title: string, rows: typeof checks.due, total: number, none: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({total})
      </h2>
      {rows.length ? (
        <ul className="stack">
          {rows.map((r) => (
            <li key={r.key}>
              <Link to={r.href}>{r.name}</Link> <span className="badge">{t(`status.${r.status}`)}</span> {r.reasons}
            </li>
          ))}
        </ul>
      ) : (
        <p>{none}</p>
      )}
    </section>
  );
  return (
    <>
      {list("home-checks-due", t("home.due"), checks.due, checks.dueTotal, t("officer.noneDue"))}
      {list(
        "home-checks-awaiting",
        t("home.awaiting"),
        checks.awaiting,
        checks.awaitingTotal,
        t("officer.noneAwaiting"),
      )}
      <p>
        <Link to={checks.href}>{t("home.all")}</Link>
      </p>
    </>
  );
}

function ReadinessGlance({ readiness }: { readiness: NonNullable<HomeWork["readiness"]> }) {
  const { t } = useTranslation("vetting");
  return (
    <>
      <section aria-labelledby="home-readiness">
        <h2 id="home-readiness">{t("home.readiness")}</h2>
        <p>{t("home.readinessLine", { count: readiness.total })}</p>
        <ul className="status-counts">
          {readiness.counts.map((c) => (
            <li key={c.status}>
              <Link to={c.href}>
                <span className={`badge badge--${c.status}`}>{t(`status.${c.status}`)}</span> {c.count}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-lapsing">
        <h2 id="home-lapsing">
          {t("home.next")} ({readiness.nextTotal})
        </h2>
        {readiness.next.length ? (
          <ul className="stack">
            {readiness.next.map((r) => (
              <li key={r.key}>
                <Link to={r.href}>{r.name}</Link> <span className="muted">({r.profile})</span> {r.date ?? ""}{" "}
                {r.reasons}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("home.noneNext")}</p>
        )}
        <p>
          <Link to={readiness.href}>{t("home.dashboard")}</Link>
        </p>
      </section>
    </>
  );
}
