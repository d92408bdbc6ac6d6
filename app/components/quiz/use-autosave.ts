import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

export type SaveStatus = "idle" | "saving" | "saved" | "offline" | "failed";

type SaveReply = { ok?: boolean; savedAt?: string };

function toEntries(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form).entries()].filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent",
  );
}

/**
 * Saves the form a moment after each change. Answers not yet confirmed by the server are kept
 * in localStorage and sent again when the connection returns, so nothing typed is lost.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>, attemptId: string) {
  const fetcher = useFetcher<SaveReply>();
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const storageKey = `puente-attempt-${attemptId}`;

  const send = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const entries = toEntries(form);
    window.localStorage.setItem(storageKey, JSON.stringify(entries));
    if (!navigator.onLine) {
      setStatus("offline");
      return;
    }
    setStatus("saving");
    const body = new FormData();
    body.set("intent", "save");
    for (const [k, v] of entries) body.append(k, v);
    fetcher.submit(body, { method: "post" });
  }, [fetcher, formRef, storageKey]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(send, 600);
  }, [send]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) {
      window.localStorage.removeItem(storageKey);
      setStatus("saved");
      setSavedAt(fetcher.data.savedAt ?? null);
    } else {
      setStatus(navigator.onLine ? "failed" : "offline");
    }
  }, [fetcher.state, fetcher.data, storageKey]);

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
      send();
    }
    const online = () => {
      if (window.localStorage.getItem(storageKey)) send();
    };
    const offline = () => setStatus("offline");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
    // Runs once per attempt page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  return { status, savedAt, schedule, flush: send };
}
