// The lesson text. The HTML comes from the content engine, which renders Markdown with raw
// HTML disabled and safe links only, so it is set as is. Every id in it carries the
// language, which lets the side-by-side view put both languages on one page.
import { useTranslation } from "react-i18next";
import type { LessonTextView } from "~/modules/learning/index.server.ts";
import { footnotesKey, FragmentHtml } from "~/components/document-fragment.tsx";

/** The language's own name, shown on each column of the side-by-side view. */
const NATIVE_NAME = { en: "English", es: "Español" } as const;

function Objectives({ text }: { text: LessonTextView }) {
  const { t } = useTranslation("learning", { lng: text.lang });
  return (
    <div className="lesson-objectives">
      <p className="lesson-objectives__lead">{t("lesson.objectives")}</p>
      <ul>
        {text.objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
    </div>
  );
}

/** One language, one column. */
export function LessonBody({ text }: { text: LessonTextView }) {
  return (
    <div className="lesson-body">
      <Objectives text={text} />
      {text.sections.map((section) => (
        <section key={section.id} className="lesson-section" aria-labelledby={section.anchor}>
          <h2 id={section.anchor}>{section.title}</h2>
          <FragmentHtml className="lesson-html" fragmentKey={section.anchor} html={section.html} />
        </section>
      ))}
      {text.footnotesHtml !== "" ? (
        <FragmentHtml
          className="lesson-html lesson-footnotes"
          fragmentKey={footnotesKey(text.lang)}
          html={text.footnotesHtml}
        />
      ) : null}
    </div>
  );
}

function Cell({ text, children, kind }: { text: LessonTextView; children: React.ReactNode; kind: string }) {
  return (
    <div className={`bilingual__cell bilingual__cell--${kind}`} lang={text.lang}>
      <p className="bilingual__lang">{NATIVE_NAME[text.lang]}</p>
      {children}
    </div>
  );
}

/**
 * English and Spanish section by section: each pair is one grid row, so both start on the
 * same line however long either is. On a phone the pair stacks, English first.
 */
export function BilingualBody({ texts, label }: { texts: LessonTextView[]; label: string }) {
  const [first, second] = texts;
  if (!first || !second) return null;
  const pairs = first.sections.map((section) => ({
    left: section,
    right: second.sections.find((s) => s.id === section.id),
  }));
  return (
    <div className="bilingual" role="group" aria-label={label}>
      <div className="bilingual__row bilingual__row--head" aria-hidden="true">
        <p lang={first.lang}>{NATIVE_NAME[first.lang]}</p>
        <p lang={second.lang}>{NATIVE_NAME[second.lang]}</p>
      </div>
      <div className="bilingual__row">
        {[first, second].map((text) => (
          <Cell key={text.lang} text={text} kind="objectives">
            <Objectives text={text} />
          </Cell>
        ))}
      </div>
      {pairs.map(({ left, right }) => (
        <div className="bilingual__row" key={left.id}>
          {[
            { text: first, section: left },
            { text: second, section: right },
          ].map(({ text, section }) =>
            section ? (
              <Cell key={text.lang} text={text} kind="section">
                <section className="lesson-section" aria-labelledby={section.anchor}>
                  <h2 id={section.anchor}>{section.title}</h2>
                  <FragmentHtml className="lesson-html" fragmentKey={section.anchor} html={section.html} />
                </section>
              </Cell>
            ) : (
              <div key={text.lang} />
            ),
          )}
        </div>
      ))}
      <div className="bilingual__row">
        {[first, second].map((text) =>
          text.footnotesHtml !== "" ? (
            <Cell key={text.lang} text={text} kind="footnotes">
              <FragmentHtml
                className="lesson-html lesson-footnotes"
                fragmentKey={footnotesKey(text.lang)}
                html={text.footnotesHtml}
              />
            </Cell>
          ) : (
            <div key={text.lang} />
          ),
        )}
      </div>
    </div>
  );
}
