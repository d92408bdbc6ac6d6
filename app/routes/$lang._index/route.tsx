import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/modules/auth/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { WorkFirst } from "./work.tsx";
import { homeWork } from "./work.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const t = await getFixedT(lang);
  return {
    lang,
    title: t("home.title"),
    userName: user?.name ?? null,
    work: user ? await homeWork(request, user, lang) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Home() {
  const { lang, userName, work } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      {work ? <WorkFirst work={work} name={userName ?? ""} /> : null}
      <section className="hero">
        {userName ? <p className="hero__welcome">{t("home.welcome", { name: userName })}</p> : null}
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>
          <Link to={`/${lang}/courses`} className="button">
            {t("home.cta")}
          </Link>
        </p>
      </section>
      <ul className="cards" aria-label={t("tagline")}>
        <li className="card">
          <h2>{t("home.agents")}</h2>
          <p>{t("home.agentsBody")}</p>
        </li>
        <li className="card">
          <h2>{t("home.students")}</h2>
          <p>{t("home.studentsBody")}</p>
        </li>
        <li className="card">
          <h2>{t("home.supervisors")}</h2>
          <p>{t("home.supervisorsBody")}</p>
        </li>
      </ul>
    </div>
  );
}
