import { parseWithZod } from "@conform-to/zod";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { searchUsers } from "~/modules/admin/index.server.ts";
import { firstErrorKey, SEARCH_MAX, searchSchema } from "~/modules/admin/index.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatNumber } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { Pagination, UsersTable } from "./users-table.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requirePermission(request, "read:users:any");
  const t = await getFixedT(lang);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: searchSchema });
  // On bad input the page still shows, with the message and the first page of results.
  const rawQuery = (url.searchParams.get("q") ?? "").trim();
  const query =
    submission.status === "success" ? (submission.value.q ?? "") : rawQuery.length <= SEARCH_MAX ? rawQuery : "";
  const page = submission.status === "success" ? (submission.value.page ?? 1) : 1;
  const message = submission.status === "success" ? null : t(`admin:errors.${firstErrorKey(submission.error)}`);
  const result = await searchUsers(query, page);
  return data(
    { lang, title: t("admin:users.title"), query, rawQuery: rawQuery.slice(0, SEARCH_MAX), message, ...result },
    { status: message ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function AdminUsers() {
  const { lang, query, rawQuery, message, users, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { t: tc } = useTranslation();
  return (
    <div className="page">
      <p className="muted">{t("title")}</p>
      <h1>{t("users.title")}</h1>
      <p>{t("users.intro")}</p>
      <p>
        <Link to={`/${lang}/admin/audit`}>{t("audit.title")}</Link>
      </p>
      <Form method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="user-search">{t("users.searchLabel")}</label>
          <input
            id="user-search"
            type="search"
            name="q"
            defaultValue={rawQuery}
            maxLength={SEARCH_MAX}
            autoComplete="off"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? "user-search-error" : undefined}
          />
        </div>
        <button type="submit" className="button">
          {tc("actions.search")}
        </button>
        {query ? (
          <a href={`/${lang}/admin/users`} className="button button--secondary">
            {t("users.showAll")}
          </a>
        ) : null}
      </Form>
      {message ? (
        <div id="user-search-error" role="alert" className="notice notice--error">
          {message}
        </div>
      ) : null}
      <p role="status">{t("users.resultCount", { total: formatNumber(total, lang) })}</p>
      {users.length === 0 ? (
        <p>{query ? t("users.noMatch", { query }) : t("users.empty")}</p>
      ) : (
        <UsersTable lang={lang} users={users} caption={t("users.caption", { page, pages: pageCount })} />
      )}
      <Pagination lang={lang} query={query} page={page} pageCount={pageCount} />
    </div>
  );
}
