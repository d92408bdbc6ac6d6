import type { MetaDescriptor } from "@remix-run/node";

/** Page titles are translated in the loader (server-fixed `t`) and read back here. */
export function titleMeta(data: unknown): MetaDescriptor[] {
  const title = (data as { title?: string } | undefined)?.title;
  return [{ title: title ? `${title} · Puente` : "Puente" }];
}
