// Server entry of the web module: the request side of every page — reading a form safely,
// the page frame (user, navigation, language) the root loader sends on every request, and
// the refusal page and the health answer server.mjs sends before Remix runs. The HTTP answers themselves (404, 403,
// page titles) are browser-safe and live in ./index.ts.
export { readForm } from "./form.server.ts";
export { loadShell, type Shell, type ShellNav } from "./shell.server.ts";
export { formatBytes, refusalLang, renderRefusal, type Refusal } from "./refusal.server.ts";
export { healthReport, type HealthReport } from "./health.server.ts";
