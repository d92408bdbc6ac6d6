// Health and error pages of the production server.
import { spawn } from "node:child_process";
import { freePort, root } from "./setup/run.ts";
import { baseUrl, expect, test } from "./support/browser.ts";

test.describe("health and errors", () => {
  test("/healthz answers 200 with JSON once the database answers", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "sqlite" });
  });

  test("/healthz answers 503 when the database does not", async () => {
    test.setTimeout(60_000);
    const port = await freePort();
    // A PostgreSQL URL on a port where nothing listens.
    const server = spawn(process.execPath, ["server.mjs"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
      },
      stdio: "ignore",
    });
    try {
      let status = 0;
      for (let i = 0; i < 150 && status === 0; i++) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(503);
    } finally {
      server.kill();
    }
  });

  test("an unknown page is a translated 404 with a request id and no stack trace", async ({ page }) => {
    const response = await page.goto("/es/no-existe");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Página no encontrada" }).waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/Referencia para soporte: [0-9a-f-]{36}/);
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    const unknownLang = await page.goto("/fr/courses");
    expect(unknownLang?.status()).toBe(404);
  });
});
