import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/modules/web/index.ts";
import { Outlet } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page.tsx";

// Every page lives under /en or /es; any other prefix is a 404.
export function loader({ params }: LoaderFunctionArgs) {
  return { lang: requireLang(params) };
}

export default function LangLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
