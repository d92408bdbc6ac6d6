// One page request's shared state. server.mjs runs each request in a scope
// (runInRequestScope, reached through the build's entry):
// - What every loader asks for (the session, the memberships) is looked up once for the whole
//   request. Remix hands each loader its own copy of the Request, so the copy cannot be the
//   key. Only for GET and HEAD: a POST runs an action that may sign in or out or change roles
//   before the loaders run, and those loaders must see the change, so there (and where no
//   scope exists, as when a test calls a loader) the key is the Request object itself.
// - Whether the answer is a document (HTML) or data for the browser's router, and large
//   fragments a loader leaves out of a document's hydration data because the document
//   already shows them (see documentFragments).
import { AsyncLocalStorage } from "node:async_hooks";

type Memo = Map<string, unknown>;
type Scope = { memo: Memo | null; document: boolean; fragments: Map<string, string> };

const scope = new AsyncLocalStorage<Scope>();
const perRequestObject = new WeakMap<Request, Memo>();

/** `path`: the URL's path; a single-fetch data request's ends in `.data`. */
export function runInRequestScope<T>(method: string, run: () => T, path = ""): T {
  const memo = method === "GET" || method === "HEAD" ? new Map() : null;
  return scope.run({ memo, document: !path.endsWith(".data"), fragments: new Map() }, run);
}

/** `make()` once per request (see above) and key. */
export function oncePerRequest<T>(request: Request, key: string, make: () => T): T {
  let memo = scope.getStore()?.memo;
  if (!memo) {
    memo = perRequestObject.get(request);
    if (!memo) {
      memo = new Map();
      perRequestObject.set(request, memo);
    }
  }
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

/**
 * When this request answers with a document: the map where a loader puts HTML fragments that
 * the server renders into the document but the hydration data leaves out (the browser reads
 * them back from the document). Null for a data request or outside a scope: then the data
 * must carry them.
 */
export function documentFragments(): Map<string, string> | null {
  const current = scope.getStore();
  return current?.document ? current.fragments : null;
}
