import { ErrorPage } from "~/components/error-page.tsx";
import { notFound } from "~/modules/web/index.ts";

export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
