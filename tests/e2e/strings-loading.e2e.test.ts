// The browser loads only the strings a page was rendered with (decision 012) and translates
// without i18next (BrowserStrings): a client-side navigation to a page that needs a namespace
// the first page did not load waits for its chunk, then renders that page's words — here the
// privacy notice, whose sections come through `returnObjects` — with no error in the page.
import { resources } from "~/modules/i18n/index.server.ts";
import { expect, hydrated, test } from "./support/browser.ts";

const es = resources.es;

test.describe("strings a page did not load", () => {
  test("arrive on a client-side navigation, and the new page shows its words", async ({ page }) => {
    await page.goto("/es/glossary");
    await hydrated(page);
    const strings = await page.locator("html").getAttribute("data-strings");
    expect(strings).toMatch(/^es:/);
    expect(strings).not.toContain("privacy");
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });

    await page.getByRole("contentinfo").getByRole("link", { name: es.common.footer.privacy }).click();
    await page.waitForURL(/\/es\/privacy$/);
    await expect(page.getByRole("heading", { level: 2, name: es.privacy.mx.title })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 3, name: es.privacy.mx.sections.controller.heading }),
    ).toBeVisible();
    await expect(page.getByText(es.privacy.mx.sections.controller.body[0]!)).toBeVisible();
    // The same document: Remix navigated, the strings came as a chunk.
    expect(documents).toEqual([]);
    expect(await page.locator("html").getAttribute("data-strings")).toBe(strings);
  });
});
