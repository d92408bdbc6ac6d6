// Browser-safe entry of the web module: what route files need on both sides of the line —
// page titles for `meta`, and the helpers loaders and actions use to answer 404/403.
export { titleMeta } from "./meta.ts";
export { forbidden, notFound, orNotFound, requireLang } from "./responses.ts";
export type { Shell, ShellNav } from "./shell.server.ts";
