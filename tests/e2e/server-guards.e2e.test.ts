// What server.mjs refuses before Remix runs, against the real production server: oversized
// bodies, cross-site form posts, and a client naming its own IP through X-Forwarded-For.
import http from "node:http";
import { baseUrl, expect, test } from "./support/browser.ts";
import { rssOf, startServer, type TestServer } from "./support/server.ts";

const MB = 1024 * 1024;

type Streamed = { status: number; body: string; elapsedMs: number; sentBytes: number };

/**
 * POSTs up to `totalBytes` as a chunked body, 64 KB at a time (never held in memory), and
 * stops sending as soon as the server answers.
 */
function streamPost(url: string, totalBytes: number): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sentBytes = 0;
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        resolve({ status: response.statusCode!, body, elapsedMs: Date.now() - started, sentBytes });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

test.describe("request body limits", () => {
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({});
  });
  test.afterAll(() => server.stop());

  test("refuses a streamed 200 MB anonymous post with a translated 413, quickly, without growing memory", async () => {
    test.setTimeout(60_000);
    // One refusal first, so what is measured is the request and not the first-use warm-up.
    await streamPost(`${server.baseUrl}/en/login`, 4 * MB);
    const before = rssOf(server.pid);
    const result = await streamPost(`${server.baseUrl}/es/login`, 200 * MB);
    const grown = rssOf(server.pid) - before;
    expect(result.status).toBe(413);
    expect(result.body).toContain("<h1>Demasiados datos</h1>");
    expect(result.body).toContain("1 MB");
    // A page in the site's layout (navigation and footer), not a bare message.
    expect(result.body).toContain('href="/es/privacy"');
    expect(result.body).toContain("<nav");
    expect(result.elapsedMs).toBeLessThan(5_000);
    expect(result.sentBytes).toBeLessThan(100 * MB);
    expect(grown).toBeLessThan(10 * MB);
    // The server still answers afterwards.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  test("refuses an announced 200 MB body at once, before reading it", async () => {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${server.baseUrl}/en/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * MB) },
      });
      request.on("response", (res) => {
        let body = "";
        res.on("data", (text: Buffer) => (body += text.toString()));
        res.on("end", () => {
          resolve({ status: res.statusCode!, body });
          request.destroy();
        });
      });
      request.on("error", reject);
      request.write("email=a");
    });
    expect(response.status).toBe(413);
    expect(response.body).toContain("<h1>Too much data</h1>");
  });

  test("still accepts an ordinary form", async () => {
    const response = await fetch(`${server.baseUrl}/en/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "nobody@example.test", password: "not the password" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The email address or password is not correct.");
  });
});

test.describe("cross-site form posts", () => {
  const post = (path: string, headers: Record<string, string>) =>
    fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ email: "nobody@example.test", password: "not the password" }),
    });

  test("refuses Sec-Fetch-Site: same-origin with a foreign Origin with the translated 403, not a 500", async () => {
    const response = await post("/es/login", { "Sec-Fetch-Site": "same-origin", Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    const page = await response.text();
    // The page in the site's layout, in Spanish (the element also names the strings it used).
    expect(page).toMatch(/<html[^>]* lang="es"[^>]*>/);
    expect(page).toContain("Este formulario se envió desde otro sitio y fue rechazado.");
    expect(page).toContain('href="/es/privacy"');
  });

  test("refuses when only Sec-Fetch-Site says cross-site, or only Origin does", async () => {
    expect((await post("/en/login", { "Sec-Fetch-Site": "cross-site", Origin: baseUrl })).status).toBe(403);
    expect((await post("/en/login", { Origin: "https://evil.example" })).status).toBe(403);
  });

  test("has no refusal page of its own to open directly", async () => {
    expect((await fetch(`${baseUrl}/en/refused`)).status).toBe(404);
  });

  test("lets a same-origin post through", async () => {
    const response = await post("/en/login", { "Sec-Fetch-Site": "same-origin", Origin: baseUrl });
    expect(response.status).toBe(400);
  });
});

test.describe("TRUST_PROXY=1", () => {
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({ TRUST_PROXY: "1", LOGIN_MAX_FAILURES_PER_IP: "3" });
  });
  test.afterAll(() => server.stop());

  // What one reverse proxy forwards: whatever the client wrote, then the address it saw.
  const failedSignIn = (n: number, forwardedFor: string) =>
    fetch(`${server.baseUrl}/en/login`, {
      method: "POST",
      headers: { "X-Forwarded-For": forwardedFor },
      body: new URLSearchParams({ email: `spray-${n}@example.test`, password: "not the password" }),
    });

  test("rate-limits the address the proxy saw, whatever the client put in X-Forwarded-For", async () => {
    test.setTimeout(30_000);
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) {
      statuses.push((await failedSignIn(n, `203.0.113.${n + 10}, 198.51.100.77`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    // Another client behind the same proxy is not blocked.
    expect((await failedSignIn(9, "198.51.100.78")).status).toBe(400);
  });
});
