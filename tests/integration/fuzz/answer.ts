// Calling a loader or action the way Remix does and checking one answer against issue 18's
// rules for bad input: never a 500, a redirect only to this site, and a refusal that carries
// words in the URL's language (a thrown 4xx renders the translated error page; returned data
// holds translated words or keys the page translates).
import type { AppLoadContext } from "@remix-run/node";
import { errorKind } from "~/components/error-page.tsx";
import type { Lang } from "~/modules/i18n/index.ts";
import { messagesIn, refusesInData, verdictOf } from "./messages.ts";

export type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

export type Answer = {
  status: number;
  location: string | null;
  data: unknown;
  /** A Response thrown by the route (rendered by the error page), or returned bare. */
  bare: boolean;
  crash: string | null;
};

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

let ip = 0;
/** A different client address per call, so per-IP rate limits answer rarely and validation often. */
export function context(): AppLoadContext {
  ip += 1;
  return { clientIp: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`, requestId: "fuzz" };
}

export async function call(handler: Handler, request: Request, params: Record<string, string>): Promise<Answer> {
  let value: unknown;
  try {
    value = await handler({ request, params, context: context() });
  } catch (thrown) {
    if (!(thrown instanceof Response)) {
      const e = thrown as Error;
      return { status: 500, location: null, data: null, bare: true, crash: `${e?.name}: ${e?.message}`.slice(0, 300) };
    }
    value = thrown;
  }
  if (value instanceof Response) {
    const data = value.status >= 300 && value.status < 400 ? null : await bodyOf(value);
    return { status: value.status, location: value.headers.get("Location"), data, bare: true, crash: null };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init?: { status?: number } };
    return { status: init?.status ?? 200, location: null, data, bare: false, crash: null };
  }
  return { status: 200, location: null, data: value, bare: false, crash: null };
}

export const isRefusal = (a: Answer) => a.status >= 400 || (a.status < 300 && refusesInData(a.data));

/**
 * What is wrong with one answer, or nothing. `lang` is the page's language (null for routes
 * outside /en and /es); `resource` marks a route without a page, whose refusal reaches the
 * client as its bare body.
 */
export function problemsOf(answer: Answer, lang: Lang | null, resource: boolean): string[] {
  if (answer.crash) return [`crashed: ${answer.crash}`];
  if (answer.status >= 500) return [`answered ${answer.status}`];
  const problems: string[] = [];
  if (answer.status >= 300 && answer.status < 400) {
    const to = answer.location ?? "";
    if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) problems.push(`redirect off-site: ${to}`);
    return problems;
  }
  if (!isRefusal(answer) || !lang) return problems;
  // A machine endpoint's (or autosave's) 404 is read by its status, never shown as it is.
  if (resource && answer.status === 404) return problems;
  // A resource route's refusal reaches the person as its body: a plain-text body is the message.
  const messages = resource && typeof answer.data === "string" && answer.data ? [answer.data] : messagesIn(answer.data);
  const bad = messages
    .map((m) => [m, verdictOf(m, lang)] as const)
    .filter(([, v]) => v === "english" || v === "untranslated");
  for (const [m, v] of bad) problems.push(`${v} message on /${lang}: ${JSON.stringify(m.slice(0, 120))}`);
  const pageWords = !resource && answer.bare && errorKind(answer.status) !== "server";
  if (answer.bare && !resource && !pageWords) problems.push(`a ${answer.status} the error page has no words for`);
  if (resource && answer.status >= 400 && messages.length === 0) {
    problems.push(`a bare ${answer.status} without words (resource route)`);
  }
  return problems;
}
