// What every loader of one page request asks for (the session, the memberships) is looked up
// once for the whole request. Remix hands each loader its own copy of the Request, so the
// copy cannot be the key: server.mjs runs each request in a scope (runInRequestScope, reached
// through the build's entry) and the values live there. Only for GET and HEAD: a POST runs an
// action that may sign in or out or change roles before the loaders run, and those loaders
// must see the change, so there (and where no scope exists, as when a test calls a loader)
// the key is the Request object itself, as before.
import { AsyncLocalStorage } from "node:async_hooks";

type Memo = Map<string, unknown>;

const scope = new AsyncLocalStorage<Memo | null>();
const perRequestObject = new WeakMap<Request, Memo>();

export function runInRequestScope<T>(method: string, run: () => T): T {
  return scope.run(method === "GET" || method === "HEAD" ? new Map() : null, run);
}

/** `make()` once per request (see above) and key. */
export function oncePerRequest<T>(request: Request, key: string, make: () => T): T {
  let memo = scope.getStore();
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
