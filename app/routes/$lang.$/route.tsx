import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page.tsx";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

// A page that does not exist answers 404 with a page of its own, so it has a title like every
// other page (a thrown 404 rendered through the error boundary had none: axe document-title).
export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  return data({ title: t("errors:notFound.title") }, { status: 404 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function NotFound() {
  return <ErrorPage status={404} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
