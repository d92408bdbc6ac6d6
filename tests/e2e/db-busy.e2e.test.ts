// The production server while another process holds the SQLite write lock: writes answer
// 503 with Retry-After (document and data requests), /healthz reports "busy" at once,
// static files are served without delay, and everything works again once it is released.
import { resources } from "~/modules/i18n/index.server.ts";
import { holdSqliteLock, sqliteFileOf } from "../helpers/sqlite-lock.ts";
import { currentRun } from "./setup/run.ts";
import { baseUrl, demoEmail, expect, test } from "./support/browser.ts";

const signIn = { email: demoEmail("learner"), password: "puente-demo-2026" };

async function timedFetch(path: string, init?: RequestInit) {
  const started = Date.now();
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", ...init });
  const text = await response.text();
  return { response, text, ms: Date.now() - started };
}

const postForm = (path: string, form: Record<string, string>) =>
  timedFetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });

test.describe("database busy", () => {
  test("answers 503 with Retry-After for writes, keeps /healthz and static files fast, recovers after", async () => {
    test.setTimeout(60_000);
    const holder = await holdSqliteLock(sqliteFileOf(currentRun().databaseUrl), 9_000);
    try {
      const [document, spanish, dataRequest] = await Promise.all([
        postForm("/en/login", signIn),
        postForm("/es/login", signIn),
        postForm("/en/login.data", signIn),
        (async () => {
          for (let i = 0; i < 10; i++) {
            const health = await timedFetch("/healthz");
            expect(health.response.status).toBe(503);
            expect(health.ms).toBeLessThan(1_000);
            const favicon = await timedFetch("/favicon.svg");
            expect(favicon.response.status).toBe(200);
            expect(favicon.ms).toBeLessThan(500);
            await new Promise((r) => setTimeout(r, 300));
          }
        })(),
      ]);
      for (const { response } of [document, spanish, dataRequest]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("Retry-After")).toBe("5");
      }
      // The page says the site is busy, in the language of the URL, not "something went wrong".
      expect(document.text).toContain("Busy for a moment");
      expect(document.text).not.toContain("Something went wrong");
      expect(spanish.text).toContain(resources.es.errors.unavailable.title);
      const busy = await fetch(`${baseUrl}/healthz`);
      expect(await busy.json()).toMatchObject({ status: "busy", db: "busy" });
      expect(busy.headers.get("Retry-After")).toBe("5");

      await holder.released;
      // Recovers: within a moment, since the server's own queued work (the outbox retrying what
      // failed during the lock) may take the write lock first right after it is released.
      await expect.poll(async () => (await timedFetch("/healthz")).response.status, { timeout: 5_000 }).toBe(200);
      const after = await postForm("/en/login", signIn);
      expect(after.response.status).toBe(302);
      expect(after.response.headers.get("Set-Cookie")).toBeTruthy();
    } finally {
      await holder.release();
    }
  });
});
