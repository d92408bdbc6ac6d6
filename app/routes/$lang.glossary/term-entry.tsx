import { useTranslation } from "react-i18next";
import { Marked } from "~/components/lesson/marked.tsx";
import type { Lang } from "~/modules/i18n/index.ts";
import type { GlossaryEntry } from "~/modules/learning/index.server.ts";
import { termAnchor } from "~/modules/learning/index.ts";

/** One term: its name and definition in the page language, then in the other one. */
export function TermEntry({ lang, entry }: { lang: Lang; entry: GlossaryEntry }) {
  const { t } = useTranslation("learning");
  const [main, other] = entry.versions;
  if (!main || !other) return null;
  return (
    <article id={termAnchor(entry.id)} className="term-entry" aria-labelledby={`${termAnchor(entry.id)}-name`}>
      <h2 id={`${termAnchor(entry.id)}-name`} lang={main.lang}>
        <Marked {...main.term} />
      </h2>
      <p className="term-entry__other">
        <span className="term-entry__lang">{t(`languageNames.${other.lang}`)}:</span>{" "}
        <strong lang={other.lang}>
          <Marked {...other.term} />
        </strong>
      </p>
      <p className="term-entry__jurisdiction">
        {t("glossary.jurisdiction")} {t(`content:jurisdiction.${entry.jurisdiction}`)}
      </p>
      <div className="term-entry__definitions">
        {[main, other].map((version) => (
          <div key={version.lang} lang={version.lang} className="term-entry__definition">
            <p className="term-entry__lang" lang={lang}>
              {t(`languageNames.${version.lang}`)}
            </p>
            <p>
              <Marked {...version.definition} />
            </p>
          </div>
        ))}
      </div>
      {entry.see.length > 0 ? (
        <p className="term-entry__see">
          {t("glossary.seeAlso")}{" "}
          {entry.see.map((see, i) => (
            <span key={see.id}>
              {i > 0 ? ", " : null}
              <a href={`/${lang}/glossary#${termAnchor(see.id)}`}>{see.term}</a>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}

/** The list's items: rendered by React in the browser, or once per language on the server (list.server.tsx). */
export function TermItems({ lang, entries }: { lang: Lang; entries: GlossaryEntry[] }) {
  return (
    <>
      {entries.map((entry) => (
        <li key={entry.id}>
          <TermEntry lang={lang} entry={entry} />
        </li>
      ))}
    </>
  );
}
