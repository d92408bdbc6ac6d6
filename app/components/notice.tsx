import type { ReactNode } from "react";

export function Notice({
  children,
  tone = "info",
}: {
  children: ReactNode;
  tone?: "info" | "success" | "warning" | "error";
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`notice notice--${tone}`}>
      {children}
    </div>
  );
}

/**
 * What the page's last form did: the success notice a redirect brought (`?done=…`), unless the
 * form was just refused, in which case the action's message instead.
 */
export function FormOutcome({
  notice,
  actionData,
}: {
  notice: string | null;
  actionData: { message?: string | null } | undefined;
}) {
  return (
    <>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
    </>
  );
}
