import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance, type i18n } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { LessonHtmlContext, type FragmentLookup } from "~/components/lesson/lesson-html.tsx";
import { ResponseStatusContext } from "~/components/response-status.ts";
import { documentFragments } from "~/modules/auth/index.server.ts";
import { getContent } from "~/modules/content/index.server.ts";
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "~/modules/db/index.server.ts";
import { DEFAULT_LANG, LANGUAGES, type Lang } from "~/modules/i18n/config.ts";
import { startPruneSchedule } from "~/modules/maintenance/index.server.ts";
import { langFromPath } from "~/modules/i18n/i18n.server.ts";
import { i18nextOptions } from "~/modules/i18n/i18next.ts";

export const streamTimeout = 5_000;

// server.mjs reaches these as build.entry.module to refuse requests before Remix runs.
export { refusalLang, renderRefusal } from "~/modules/http/refusal.server.ts";
// server.mjs runs each request in this scope: what its loaders share is looked up once.
export { runInRequestScope } from "~/modules/auth/index.server.ts";

// Lesson HTML the loaders kept out of the hydration data: rendered from here into the document.
function fragmentLookup(): FragmentLookup {
  const fragments = documentFragments();
  return (key) => fragments?.get(key);
}

// Parse and validate content/ once at start-up: a malformed file stops the server with its
// file:line messages instead of serving a half-loaded catalog.
getContent();

// Expired sessions, spent links, old sign-in records and accounts past their retention go
// now and every six hours (an unref'd timer).
startPruneSchedule();
// One i18next instance per language, made once: the resources are bundled and never change,
// and nothing on the server changes an instance's language (the root layout's changeLanguage
// runs in an effect, in the browser only), so requests in different languages can share them
// concurrently. Creating one per request cost about 5 % of a page's CPU time.
const instances = new Map<Lang, i18n>(
  LANGUAGES.map((lng) => {
    const instance = createInstance({ ...i18nextOptions, lng, initImmediate: false });
    void instance.use(initReactI18next).init();
    return [lng, instance];
  }),
);

function i18nFor(lang: Lang): i18n {
  return instances.get(lang)!;
}

// Requests that failed because another process held the database's write lock: they answer
// 503 with Retry-After instead of 500 (handleError sees the error before the response is made).
const busyRequests = new WeakSet<Request>();

function markBusy(headers: Headers): 503 {
  headers.set("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
  return 503;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  if (busyRequests.has(request)) responseStatusCode = markBusy(responseHeaders);
  const instance = i18nFor(langFromPath(new URL(request.url).pathname) ?? DEFAULT_LANG);
  // Crawlers and the first paint both get the whole document: the app streams no Suspense.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <ResponseStatusContext.Provider value={responseStatusCode}>
          <LessonHtmlContext.Provider value={fragmentLookup()}>
            <RemixServer context={remixContext} url={request.url} />
          </LessonHtmlContext.Provider>
        </ResponseStatusContext.Provider>
      </I18nextProvider>,
      {
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("X-Content-Type-Options", "nosniff");
          responseHeaders.set("Referrer-Policy", "same-origin");
          responseHeaders.set("X-Frame-Options", "DENY");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (!busyRequests.has(request)) return response;
  const headers = new Headers(response.headers);
  return new Response(response.body, { status: markBusy(headers), headers });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (isDatabaseBusy(error)) {
    busyRequests.add(request);
    console.warn(`[${request.method} ${new URL(request.url).pathname}] 503: ${(error as Error).message}`);
    return;
  }
  if (request.signal.aborted) return;
  console.error(`[${request.method} ${new URL(request.url).pathname}]`, error);
}
