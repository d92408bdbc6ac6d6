// Every refusal a person can meet is a page in the site's layout, in the language of the URL:
// the header, the footer, a translated title and a way home — never a bare "Forbidden".
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Page } from "@playwright/test";
import { errorKind } from "~/components/error-page.tsx";
import { createUser } from "../helpers/factories.ts";
import { root } from "./setup/run.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const enCommon = resources.en.common;
const enErrors = resources.en.errors;
const esCommon = resources.es.common;
const esErrors = resources.es.errors;

const words = { en: { errors: enErrors, common: enCommon }, es: { errors: esErrors, common: esCommon } };

async function expectRefusalPage(page: Page, lang: "en" | "es", status: number) {
  const kind = errorKind(status);
  expect(kind, `status ${status} has its own words`).not.toBe("server");
  const { errors, common } = words[lang];
  expect(await page.locator("html").getAttribute("lang")).toBe(lang);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(errors[kind].title);
  await page.getByText(errors[kind].body).waitFor();
  // The site's layout around it: the navigation, the footer and a way home.
  await page.getByRole("navigation", { name: common.nav.label }).waitFor();
  await page.getByRole("link", { name: common.footer.privacy }).waitFor();
  await page.getByRole("link", { name: errors.home }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/**
 * The production build, served in the test process with one extra page that refuses with the
 * status in its URL: the statuses that come from elsewhere (a busy database, a body too large,
 * a rate limit) are rendered by the same error page, through the same root layout.
 */
async function buildWithRefusalRoute() {
  const build = (await import(path.join(root, "build/index.js"))) as ServerBuild;
  const id = "routes/refusal-test";
  const like = build.assets.routes["routes/$lang.$"]!;
  const routes = {
    ...build.routes,
    [id]: {
      id,
      parentId: "routes/$lang",
      path: "refusal-test/:status",
      module: {
        loader: ({ params }: { params: { status?: string } }) => {
          throw new Response(null, { status: Number(params.status) });
        },
        default: () => null,
      },
    },
  } as unknown as ServerBuild["routes"];
  const assets = {
    ...build.assets,
    routes: { ...build.assets.routes, [id]: { ...like, id, path: "refusal-test/:status" } },
  };
  return createRequestHandler({ ...build, routes, assets }, "production");
}

test.describe("refusals are translated pages in the site's layout", () => {
  test("a learner opening the administration gets a 403 page in the language of the URL", async ({
    learnerPage: page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const lang of ["es", "en"] as const) {
      const response = await page.goto(`/${lang}/admin`);
      expect(response?.status()).toBe(403);
      await hydrated(page);
      await expectRefusalPage(page, lang, 403);
    }
  });

  test("an unknown address is a 404 page, signed in or not", async ({ page }) => {
    for (const lang of ["en", "es"] as const) {
      const response = await page.goto(`/${lang}/no-such-page`);
      expect(response?.status()).toBe(404);
      await hydrated(page);
      await expectRefusalPage(page, lang, 404);
      // A page has a title, a missing one too (axe document-title; it had none).
      await expect(page).toHaveTitle(lang === "en" ? "Page not found · Puente" : "Página no encontrada · Puente");
    }
    const user = await createUser({ language: "en" });
    await login(page, user.email);
    const response = await page.goto("/es/courses/no-such-course");
    expect(response?.status()).toBe(404);
    await expectRefusalPage(page, "es", 404);
  });

  test("401, 403, 404, 413, 429 and 503 each render their own translated page", async ({ newPage }) => {
    const handler = await buildWithRefusalRoute();
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    // The browser asks for the refusing page; the answer comes from the build above.
    await page.route("**/refusal-test/*", async (route) => {
      const request = route.request();
      const response = await handler(new Request(request.url(), { headers: await request.allHeaders() }));
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    for (const status of [401, 403, 404, 413, 429, 503]) {
      for (const lang of ["en", "es"] as const) {
        const response = await page.goto(`/${lang}/refusal-test/${status}`);
        expect(response?.status()).toBe(status);
        await expectRefusalPage(page, lang, status);
      }
    }
  });
});
