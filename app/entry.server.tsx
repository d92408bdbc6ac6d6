import { PassThrough, Transform } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { CspNonceContext } from "~/components/csp-nonce.ts";
import { DocumentFragmentContext, type FragmentLookup } from "~/components/document-fragment.tsx";
import { ResponseStatusContext } from "~/components/response-status.ts";
import { documentFragments } from "~/modules/auth/index.server.ts";
import { getContent } from "~/modules/content/index.server.ts";
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "~/modules/db/index.server.ts";
import { DEFAULT_LANG, isLang } from "~/modules/i18n/index.ts";
import { startPruneSchedule } from "~/modules/maintenance/index.server.ts";
import { STRINGS_ATTRIBUTE, stringsAttributeValue, type StringsUsed } from "~/modules/i18n/index.ts";
import { langFromPath, renderingI18n } from "~/modules/i18n/index.server.ts";
import { startImportWorkers } from "~/modules/orgs/index.server.ts";
import { startReminderSchedule } from "~/modules/vetting/index.server.ts";

export const streamTimeout = 5_000;

// server.mjs reaches these as build.entry.module to refuse requests and answer /healthz before Remix runs.
export { healthReport, refusalLang, renderRefusal } from "~/modules/web/index.server.ts";
// server.mjs runs each request in this scope: what its loaders share is looked up once.
export { runInRequestScope } from "~/modules/auth/index.server.ts";

// HTML the loaders kept out of the hydration data (document-fragment.tsx): rendered from here.
function fragmentLookup(): FragmentLookup {
  const fragments = documentFragments();
  return (key) => fragments?.get(key);
}

// Parse and validate content/ once at start-up: a malformed file stops the server with its
// file:line messages instead of serving a half-loaded catalog.
getContent();

// Expired sessions, spent links, old sign-in records and accounts past their retention go
// now and every six hours (an unref'd timer). Roster imports interrupted by a stop resume
// here and their invitations leave through the outbox (leases keep one runner per job). With
// several processes, both run in the first only. Vetting reminders go out at start-up and
// every hour (a database lease keeps one runner across servers; keys keep each message single).
if ((process.env.PUENTE_WORKER_INDEX ?? "1") === "1") {
  startPruneSchedule();
  startImportWorkers();
  startReminderSchedule();
}
/**
 * The document with `data-strings` on its `<html>`: the languages and namespaces the render
 * translated words in (decision 012), the render's language first, which the browser loads and
 * renders with before hydrating. The shell is rendered whole before it is sent (no Suspense), so
 * the list is complete by then.
 */
function namingStrings(used: StringsUsed): Transform {
  let head: string | null = "";
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      if (head === null) return done(null, chunk);
      head += chunk.toString();
      const tag = /<html\b[^>]*>/.exec(head);
      if (!tag && head.length < 4096) return done();
      let out = head;
      if (tag) {
        const at = tag.index + "<html".length;
        out = `${head.slice(0, at)} ${STRINGS_ATTRIBUTE}="${stringsAttributeValue(used)}"${head.slice(at)}`;
      }
      head = null;
      done(null, out);
    },
    flush(done) {
      done(null, head || null);
    },
  });
}

/**
 * React writes a document in many small pieces, and the Remix adapter flushes the compressor
 * after each one, which cost a lesson page about a third more bytes gzipped than the same HTML
 * compressed whole. Everything written in one turn of the event loop (the whole shell, then each
 * later boundary) leaves as one piece.
 */
function inWholePieces(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      pending.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (pending.length) this.push(Buffer.concat(pending));
          pending = [];
        });
      }
      done();
    },
    flush(done) {
      done(null, pending.length ? Buffer.concat(pending) : null);
      pending = [];
    },
  });
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
  loadContext: AppLoadContext,
) {
  if (busyRequests.has(request)) responseStatusCode = markBusy(responseHeaders);
  // A page without a language prefix (/verify/:id) renders its frame in the language the root
  // loader chose, as the browser will when it hydrates from <html lang>; otherwise a Spanish
  // reader's header is English on the server and Spanish in the browser (a hydration error).
  const shellLang = (remixContext.staticHandlerContext.loaderData?.root as { shell?: { lang?: unknown } } | undefined)
    ?.shell?.lang;
  const rendering = renderingI18n(
    langFromPath(new URL(request.url).pathname) ?? (isLang(shellLang) ? shellLang : DEFAULT_LANG),
  );
  // Everyone gets the whole document at once (the app streams no Suspense of its own). Waiting for
  // all of it, not the shell, puts the hydration data Remix streams in a Suspense boundary of
  // its own inline: no React script to move it into place later, and the document leaves in one
  // piece, one gzip block (bench/CHANGES.md, session 6).
  const readyEvent = "onAllReady";
  const nonce = loadContext.cspNonce;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={rendering.i18n}>
        <ResponseStatusContext.Provider value={responseStatusCode}>
          <DocumentFragmentContext.Provider value={fragmentLookup()}>
            <CspNonceContext.Provider value={nonce}>
              <RemixServer context={remixContext} url={request.url} nonce={nonce} />
            </CspNonceContext.Provider>
          </DocumentFragmentContext.Provider>
        </ResponseStatusContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          // The security headers (nosniff, CSP, frame and referrer policies) come from
          // server.mjs for every response (server/security.mjs).
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(namingStrings(rendering.strings)).pipe(inWholePieces()).pipe(body);
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
