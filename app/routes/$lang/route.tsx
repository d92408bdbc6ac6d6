import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page.tsx";
import { langFromParams } from "~/modules/i18n/i18n.server.ts";

// Every page lives under /en or /es; any other prefix is a 404.
export function loader({ params }: LoaderFunctionArgs) {
  return { lang: langFromParams(params) };
}

export default function LangLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
