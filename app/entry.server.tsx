import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { ResponseStatusContext } from "~/components/response-status.ts";
import { getContent } from "~/modules/content/index.server.ts";
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "~/modules/db/index.server.ts";
import { DEFAULT_LANG } from "~/modules/i18n/config.ts";
import { startPruneSchedule } from "~/modules/maintenance/index.server.ts";
import { startImportWorkers } from "~/modules/orgs/index.server.ts";
import { langFromPath } from "~/modules/i18n/i18n.server.ts";
import { i18nextOptions } from "~/modules/i18n/i18next.ts";

export const streamTimeout = 5_000;

// server.mjs reaches these as build.entry.module to refuse requests before Remix runs.
export { refusalLang, renderRefusal } from "~/modules/http/refusal.server.ts";

// Parse and validate content/ once at start-up: a malformed file stops the server with its
// file:line messages instead of serving a half-loaded catalog.
getContent();

// Expired sessions, spent links, old sign-in records and accounts past their retention go
// now and every six hours (an unref'd timer).
startPruneSchedule();
// Roster imports interrupted by a stop resume here; their invitations leave through the outbox.
startImportWorkers();
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
  const instance = createInstance();
  const lng = langFromPath(new URL(request.url).pathname) ?? DEFAULT_LANG;
  await instance.use(initReactI18next).init({ ...i18nextOptions, lng });
  // Crawlers and the first paint both get the whole document: the app streams no Suspense.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <ResponseStatusContext.Provider value={responseStatusCode}>
          <RemixServer context={remixContext} url={request.url} />
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
