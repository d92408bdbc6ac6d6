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
