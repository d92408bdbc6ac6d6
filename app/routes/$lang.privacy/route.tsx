import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { NOTICE_UPDATED, noticeOrder, SECTION_ORDER, type NoticeId, type NoticeSection } from "./sections.ts";

// Public: anyone may read the notice before creating an account.
export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  return {
    lang,
    title: t("privacy:title"),
    updated: formatDate(NOTICE_UPDATED, lang, "UTC"),
    notices: noticeOrder(lang),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

const CONTACT = "privacy@puente.test";

/** Turns the contact address inside a sentence into a mail link. */
function WithMailLink({ text }: { text: string }) {
  const parts = text.split(CONTACT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <a href={`mailto:${CONTACT}`}>{CONTACT}</a> : null}
        </Fragment>
      ))}
    </>
  );
}

function NoticeDocument({ id }: { id: NoticeId }) {
  const { t } = useTranslation("privacy");
  const sections = t(`${id}.sections`, { returnObjects: true }) as unknown as Record<string, NoticeSection>;
  return (
    <section aria-labelledby={`notice-${id}`} className="notice-doc">
      <h2 id={`notice-${id}`}>{t(`${id}.title`)}</h2>
      <p className="lead">{t(`${id}.lead`)}</p>
      {SECTION_ORDER[id].map((key) => {
        const section = sections[key]!;
        return (
          <section key={key} aria-labelledby={`${id}-${key}`} data-section={`${id}.${key}`}>
            <h3 id={`${id}-${key}`}>{section.heading}</h3>
            {section.body.map((p, i) => (
              <p key={i}>
                <WithMailLink text={p} />
              </p>
            ))}
            {section.items ? (
              <ul>
                {section.items.map((item, i) => (
                  <li key={i}>
                    <WithMailLink text={item} />
                  </li>
                ))}
              </ul>
            ) : null}
            {section.after?.map((p, i) => (
              <p key={i}>
                <WithMailLink text={p} />
              </p>
            ))}
          </section>
        );
      })}
    </section>
  );
}

export default function Privacy() {
  const { updated, notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation("privacy");
  return (
    <div className="page prose">
      <h1>{t("title")}</h1>
      <p className="muted">{t("updated", { date: updated })}</p>
      <p>{t("intro")}</p>
      <nav aria-labelledby="privacy-contents">
        <h2 id="privacy-contents" className="h-small">
          {t("contents")}
        </h2>
        <ul>
          {notices.map((id) => (
            <li key={id}>
              <a href={`#notice-${id}`}>{t(`${id}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <WithMailLink text={t("contact")} />
      </p>
      {notices.map((id) => (
        <NoticeDocument key={id} id={id} />
      ))}
    </div>
  );
}
