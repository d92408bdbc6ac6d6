import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * - `offline`: no connection; answers kept on this device, sent when it returns.
 * - `busy`: the server asked to wait (503); kept, sent again after the time it gave.
 * - `failed`: no usable answer from the server; kept, sent again shortly.
 * - `invalid`: the server refused an answer (400); `problems` says which and why. Nothing of this
 *   save was stored, so the answers stay on the device until the answer is corrected.
 * - `refused`: the attempt cannot take answers any more (closed, time up).
 * - `signedOut`: the session ended (idle or at its absolute limit) between saves. The answers
 *   stay on this device and are sent again every few seconds and when the window regains focus,
 *   so signing in again in another tab saves them without retyping (decision 016).
 */
export type SaveStatus =
  | "idle"
  | "saving"
  | "saved"
  | "offline"
  | "busy"
  | "failed"
  | "invalid"
  | "refused"
  | "signedOut";

export type SaveProblem = { key: string | null; message: string };

type SaveReply = { ok: true; savedAt: string } | { ok: false; problems: SaveProblem[] };

const RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;
const SIGNED_OUT_RETRY_MS = 10_000;

function toEntries(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form).entries()].filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent",
  );
}

/** Seconds from a Retry-After header (a number of seconds or an HTTP date), as milliseconds. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 1_000), MAX_RETRY_MS) : null;
}

/**
 * Saves the form a moment after each change, to `${attempt page}/answers`. Answers not yet
 * confirmed by the server are kept in localStorage and sent again (after a lost connection, a
 * busy server, or on the next visit), so nothing typed is lost.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>, attemptId: string) {
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problems, setProblems] = useState<SaveProblem[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const retry = useRef<{ timer: number | undefined; delay: number }>({ timer: undefined, delay: RETRY_MS });
  const inFlight = useRef<AbortController | null>(null);
  const storageKey = `puente-attempt-${attemptId}`;

  const send = useCallback(async () => {
    const form = formRef.current;
    if (!form) return;
    window.clearTimeout(retry.current.timer);
    const entries = toEntries(form);
    window.localStorage.setItem(storageKey, JSON.stringify(entries));
    if (!navigator.onLine) {
      setStatus("offline");
      return;
    }
    // A newer save supersedes one still on its way.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus("saving");
    const sendAgain = (status: SaveStatus, delay: number) => {
      setStatus(status);
      retry.current.timer = window.setTimeout(() => void send(), delay);
      retry.current.delay = Math.min(retry.current.delay * 2, MAX_RETRY_MS);
    };
    let response: Response;
    try {
      response = await fetch(`${window.location.pathname.replace(/\/$/, "")}/answers`, {
        method: "POST",
        body: new URLSearchParams(entries),
        headers: { Accept: "application/json" },
        // A signed-out session answers with a redirect to the sign-in page; do not follow it.
        redirect: "manual",
        signal: controller.signal,
      });
    } catch {
      if (controller.signal.aborted) return;
      sendAgain(navigator.onLine ? "failed" : "offline", retry.current.delay);
      return;
    }
    if (controller.signal.aborted) return;
    if (response.status === 503) {
      sendAgain("busy", retryAfterMs(response.headers.get("Retry-After")) ?? retry.current.delay);
      return;
    }
    const reply = (await response.json().catch(() => null)) as SaveReply | null;
    if (controller.signal.aborted) return;
    if (response.ok && reply?.ok) {
      window.localStorage.removeItem(storageKey);
      retry.current.delay = RETRY_MS;
      setProblems([]);
      setSavedAt(reply.savedAt);
      setStatus("saved");
    } else if (reply && !reply.ok && response.status >= 400 && response.status < 500) {
      setProblems(reply.problems);
      setStatus(response.status === 400 ? "invalid" : "refused");
    } else if (response.type === "opaqueredirect") {
      // Redirected to the sign-in page: the session is over, the answers are not.
      setProblems([]);
      setStatus("signedOut");
      retry.current.timer = window.setTimeout(() => void send(), SIGNED_OUT_RETRY_MS);
    } else {
      sendAgain("failed", retry.current.delay);
    }
  }, [formRef, storageKey]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void send(), 600);
  }, [send]);

  // Answers left unsent by a previous visit (closed tab, lost connection) go first.
  useEffect(() => {
    const pending = window.localStorage.getItem(storageKey);
    const form = formRef.current;
    if (pending && form) {
      const values = new Map<string, string[]>();
      for (const [name, value] of JSON.parse(pending) as [string, string][])
        values.set(name, [...(values.get(name) ?? []), value]);
      for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]")) {
        const wanted = values.get(el.name);
        if (!wanted || (el instanceof HTMLInputElement && el.type === "hidden")) continue;
        if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox"))
          el.checked = wanted.includes(el.value);
        else el.value = wanted[0] ?? "";
      }
      void send();
    }
    const online = () => {
      if (window.localStorage.getItem(storageKey)) void send();
    };
    const offline = () => setStatus("offline");
    const pendingRetry = retry.current;
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    // Back from signing in again in another tab: send what is kept at once.
    window.addEventListener("focus", online);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("focus", online);
      window.clearTimeout(timer.current);
      window.clearTimeout(pendingRetry.timer);
      inFlight.current?.abort();
    };
    // Runs once per attempt page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  return { status, savedAt, problems, schedule, flush: send };
}
