// The lesson page as the app renders it — skip link, header with language switch, account menu
// and site nav, breadcrumb, lesson head, objectives, sections, previous/next, footer — written
// as plain React with no router, no i18next instance and no loader data, for the baseline server.
// The lesson HTML is the content module's own output, the strings the app's translation files.
import type { Course, Lesson } from "~/modules/content/index.server.ts";
import { type Lang, otherLang } from "~/modules/i18n/index.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { sectionAnchor } from "~/modules/learning/index.ts";

type Vars = Record<string, string | number>;

/** `t(lang, "learning", "lesson.position", { position: 1 })` straight from the resource objects. */
function t(lang: Lang, ns: "common" | "learning", key: string, vars: Vars = {}): string {
  let value: unknown = resources[lang][ns];
  for (const part of key.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
  return String(value ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ""));
}

export type LessonPageProps = {
  lang: Lang;
  path: string;
  user: { name: string };
  course: Course;
  moduleTitle: string;
  lesson: Lesson;
  position: number;
  count: number;
  previous: { id: string; title: string } | null;
  next: { id: string; title: string } | null;
  sideBySide: boolean;
};

const NATIVE_NAME = { en: "English", es: "Español" } as const;

function Sections({ lesson, lang }: { lesson: Lesson; lang: Lang }) {
  const text = lesson[lang];
  return (
    <div className="lesson-body" lang={lang}>
      <div className="lesson-objectives">
        <p className="lesson-objectives__lead">{t(lang, "learning", "lesson.objectives")}</p>
        <ul>
          {text.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </div>
      {text.sections.map((section) => (
        <section key={section.id} className="lesson-section" aria-labelledby={sectionAnchor(lang, section.id)}>
          <h2 id={sectionAnchor(lang, section.id)}>{section.title}</h2>
          <div className="lesson-html" dangerouslySetInnerHTML={{ __html: section.html }} />
        </section>
      ))}
      {text.footnotesHtml ? (
        <div className="lesson-html lesson-footnotes" dangerouslySetInnerHTML={{ __html: text.footnotesHtml }} />
      ) : null}
    </div>
  );
}

export function LessonPage(props: LessonPageProps) {
  const { lang, user, course, lesson, sideBySide } = props;
  const base = `/${lang}/courses/${course.id}`;
  const both = sideBySide ? "?view=both" : "";
  const title = lesson[lang].title;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t(lang, "common", "appName")}`}</title>
        <link rel="stylesheet" href="/build/_assets/app.css" />
        <link rel="stylesheet" href="/build/_assets/lesson.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t(lang, "common", "skipToContent")}
        </a>
        <header className="site-header">
          <div className="site-header__bar">
            <a href={`/${lang}`} className="brand">
              <span className="brand__name">{t(lang, "common", "appName")}</span>
            </a>
            <div className="site-header__tools">
              <a href={`/${otherLang(lang)}${props.path.slice(3)}`} hrefLang={otherLang(lang)} className="lang-switch">
                {t(lang, "common", "language.switchTo")}
              </a>
              <details className="account-menu">
                <summary>{user.name}</summary>
                <div className="account-menu__panel">
                  <a href={`/${lang}/account`}>{t(lang, "common", "nav.account")}</a>
                  <form method="post" action={`/${lang}/logout`}>
                    <button type="submit">{t(lang, "common", "nav.signOut")}</button>
                  </form>
                </div>
              </details>
            </div>
          </div>
          <nav aria-label={t(lang, "common", "nav.label")} className="site-nav">
            <ul>
              <li>
                <a href={`/${lang}/courses`}>{t(lang, "common", "nav.courses")}</a>
              </li>
              <li>
                <a href={`/${lang}/glossary`}>{t(lang, "common", "nav.glossary")}</a>
              </li>
              <li>
                <a href={`/${lang}/search`}>{t(lang, "common", "actions.search")}</a>
              </li>
              <li>
                <a href={`/${lang}/learn`}>{t(lang, "common", "nav.myLearning")}</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          <div className={sideBySide ? "page lesson-page lesson-page--both" : "page lesson-page"}>
            <nav className="breadcrumb">
              <ol>
                <li>
                  <a href={`/${lang}/courses`}>{t(lang, "learning", "course.allCourses")}</a>
                </li>
                <li>
                  <a href={base}>{course.title[lang]}</a>
                </li>
                <li>{props.moduleTitle}</li>
              </ol>
            </nav>
            <header className="lesson-head">
              <h1>{title}</h1>
              {sideBySide ? <p lang={otherLang(lang)}>{lesson[otherLang(lang)].title}</p> : null}
              <p className="lesson-head__meta">
                <span>{t(lang, "learning", "lesson.position", { position: props.position, count: props.count })}</span>
                <span>{t(lang, "learning", "lesson.minutes", { minutes: lesson.minutes })}</span>
              </p>
            </header>
            {sideBySide ? (
              <div className="bilingual">
                {(["en", "es"] as const).map((l) => (
                  <div key={l} className="bilingual__cell" lang={l}>
                    <p className="bilingual__lang">{NATIVE_NAME[l]}</p>
                    <Sections lesson={lesson} lang={l} />
                  </div>
                ))}
              </div>
            ) : (
              <Sections lesson={lesson} lang={lang} />
            )}
            <footer className="lesson-foot">
              <form method="post" className="lesson-complete">
                <input type="hidden" name="intent" value="complete" />
                <button type="submit">{t(lang, "learning", "lesson.complete.button")}</button>
              </form>
              <nav className="lesson-nav">
                {props.previous ? (
                  <a href={`${base}/lessons/${props.previous.id}${both}`} rel="prev">
                    ← {t(lang, "learning", "lesson.nav.previous")} {props.previous.title}
                  </a>
                ) : null}
                <a href={base}>{t(lang, "learning", "lesson.nav.backToCourse")}</a>
                {props.next ? (
                  <a href={`${base}/lessons/${props.next.id}${both}`} rel="next">
                    {t(lang, "learning", "lesson.nav.next")} → {props.next.title}
                  </a>
                ) : null}
              </nav>
            </footer>
          </div>
        </main>
        <footer className="site-footer">
          <p>{t(lang, "common", "footer.about")}</p>
          <p>
            <a href={`/${lang}/privacy`}>{t(lang, "common", "footer.privacy")}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
