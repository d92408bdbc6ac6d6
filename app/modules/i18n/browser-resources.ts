// What the browser gets of the translations (decision 012): one chunk per language and namespace
// — the very object the server uses (resources/<lang>/<namespace>.ts) — loaded before hydration
// for the namespaces and languages the server rendered the page with (`stringsOfDocument`), and
// by the browser's instance (browser-strings.ts) for those a later client-side navigation needs.
import { DEFAULT_LANG, isLang, type Lang } from "./config.ts";
import type { Namespace } from "./resources/index.ts";

type Strings = Record<string, unknown>;
type Chunks = Record<Namespace, () => Promise<Strings>>;

// Each import() is its own chunk. esbuild needs the paths written out; the Record types make a
// namespace or language missing here a type error, and resources.test.ts checks each chunk is
// the server's object.
const en: Chunks = {
  common: () => import("./resources/en/common.ts").then((m) => m.common),
  errors: () => import("./resources/en/errors.ts").then((m) => m.errors),
  auth: () => import("./resources/en/auth.ts").then((m) => m.auth),
  email: () => import("./resources/en/email.ts").then((m) => m.email),
  admin: () => import("./resources/en/admin.ts").then((m) => m.admin),
  privacy: () => import("./resources/en/privacy.ts").then((m) => m.privacy),
  quiz: () => import("./resources/en/quiz.ts").then((m) => m.quiz),
  learning: () => import("./resources/en/learning.ts").then((m) => m.learning),
  workspace: () => import("./resources/en/workspace.ts").then((m) => m.workspace),
  stats: () => import("./resources/en/stats.ts").then((m) => m.stats),
  content: () => import("./resources/en/content.ts").then((m) => m.content),
  orgs: () => import("./resources/en/orgs.ts").then((m) => m.orgs),
  orgImport: () => import("./resources/en/orgImport.ts").then((m) => m.orgImport),
  credentials: () => import("./resources/en/credentials.ts").then((m) => m.credentials),
  readiness: () => import("./resources/en/readiness.ts").then((m) => m.readiness),
  vetting: () => import("./resources/en/vetting.ts").then((m) => m.vetting),
  sharing: () => import("./resources/en/sharing.ts").then((m) => m.sharing),
};

const es: Chunks = {
  common: () => import("./resources/es/common.ts").then((m) => m.common),
  errors: () => import("./resources/es/errors.ts").then((m) => m.errors),
  auth: () => import("./resources/es/auth.ts").then((m) => m.auth),
  email: () => import("./resources/es/email.ts").then((m) => m.email),
  admin: () => import("./resources/es/admin.ts").then((m) => m.admin),
  privacy: () => import("./resources/es/privacy.ts").then((m) => m.privacy),
  quiz: () => import("./resources/es/quiz.ts").then((m) => m.quiz),
  learning: () => import("./resources/es/learning.ts").then((m) => m.learning),
  workspace: () => import("./resources/es/workspace.ts").then((m) => m.workspace),
  stats: () => import("./resources/es/stats.ts").then((m) => m.stats),
  content: () => import("./resources/es/content.ts").then((m) => m.content),
  orgs: () => import("./resources/es/orgs.ts").then((m) => m.orgs),
  orgImport: () => import("./resources/es/orgImport.ts").then((m) => m.orgImport),
  credentials: () => import("./resources/es/credentials.ts").then((m) => m.credentials),
  readiness: () => import("./resources/es/readiness.ts").then((m) => m.readiness),
  vetting: () => import("./resources/es/vetting.ts").then((m) => m.vetting),
  sharing: () => import("./resources/es/sharing.ts").then((m) => m.sharing),
};

// A language added to LANGUAGES needs its chunks here (the Record type makes that a type error).
const chunks: Record<Lang, Chunks> = { en, es };

function isNamespace(value: string): value is Namespace {
  return Object.hasOwn(en, value);
}

/** One namespace of one language, as the server has it; undefined for a namespace that is not one. */
export function browserResources(lang: Lang, namespace: string): Promise<Strings> | undefined {
  return isNamespace(namespace) ? chunks[lang][namespace]() : undefined;
}

/** Attribute on `<html>` naming the strings the server translated the page with (entry.server). */
export const STRINGS_ATTRIBUTE = "data-strings";

/** The languages a render translated in, each with its namespaces; the render's language first. */
export type StringsUsed = ReadonlyMap<Lang, ReadonlySet<string>>;

/** `en:common,learning es:learning`: what entry.server writes into `data-strings`. */
export function stringsAttributeValue(used: StringsUsed): string {
  return [...used].map(([lang, namespaces]) => `${lang}:${[...namespaces].join(",")}`).join(" ");
}

/**
 * What to load before hydrating, the language to render in first: the languages and namespaces
 * entry.server named (`data-strings`), else `<html lang>` with the default namespace (a document
 * the server did not render through entry.server; other namespaces then load when a hook asks).
 */
export function stringsOfDocument(doc: Document): { lang: Lang; namespaces: Namespace[] }[] {
  const root = doc.documentElement;
  const listed = (root.getAttribute(STRINGS_ATTRIBUTE) ?? "").split(" ").flatMap((entry) => {
    const [lang, names = ""] = entry.split(":");
    return isLang(lang) ? [{ lang, namespaces: names.split(",").filter(isNamespace) }] : [];
  });
  if (listed.length) return listed;
  return [{ lang: isLang(root.lang) ? root.lang : DEFAULT_LANG, namespaces: ["common"] }];
}
