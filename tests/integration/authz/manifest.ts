// Every route of the app, read the way Remix itself reads them (the flat-routes convention
// with remix.config.js's ignoredRouteFiles), so the matrix cannot miss a new route.
import path from "node:path";
import { createRequire } from "node:module";
import remixConfig from "../../../remix.config.js";

type ConfigRoute = { id: string; path?: string; parentId?: string; file: string; index?: boolean };
type FlatRoutes = (appDirectory: string, ignoredFilePatterns?: string[]) => Record<string, ConfigRoute>;

const require = createRequire(import.meta.url);
const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as { flatRoutes: FlatRoutes };

export const APP_DIR = path.resolve(__dirname, "../../../app");

export type ManifestRoute = { id: string; file: string; pattern: string };

export function routeManifest(): ManifestRoute[] {
  const routes = flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles);
  const fullPath = (route: ConfigRoute | undefined): string =>
    route
      ? [fullPath(route.parentId ? routes[route.parentId] : undefined), route.path ?? ""].filter(Boolean).join("/")
      : "";
  return Object.values(routes)
    .map((r) => ({ id: r.id, file: path.join(APP_DIR, r.file), pattern: `/${fullPath(r)}` }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL of a route pattern with its params filled in. */
export function urlOf(pattern: string, params: Record<string, string>): string {
  return pattern
    .replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`))
    .replace("*", params["*"] ?? "");
}
