// Every page the demo roles can open, the way a person reaches them: signed out and as each demo
// account, in English and Spanish, following same-site links from the home page (GET only) plus
// the pages a person may type or be sent to. Each page must answer below 500, raise no script
// error (the page fixture fails the test on any), fit a 360 px phone and a desktop without
// sideways scrolling, and pass axe-core's WCAG 2.1 A and AA rules (each kind of page once per
// language and role). One browser for all; sessions are created directly, not typed in.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { startAttempt } from "~/modules/quiz/index.server.ts";
import { createUser } from "../helpers/factories.ts";
import { baseUrl, demoEmail, expect, hydrated, login, test } from "./support/browser.ts";

const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

const DEMO = (["learner", "instructor", "org_admin", "supervisor", "vetting_officer", "admin"] as const).map(demoEmail);

// Reached by typing or by being sent there (a refusal is a page too), linked or not.
const PROBES = [
  "/admin",
  "/admin/users",
  "/instructor",
  "/instructor/quizzes",
  "/vetting",
  "/vetting/checks",
  "/orgs",
  "/account",
  "/account/password",
  "/learn",
  "/no-such-page",
];

// Links that change something or leave the HTML pages.
const SKIP = /\/logout$|\/export$|\.(csv|json|pdf)$/;

// Lessons share one layout; their text differs. Every lesson is walked once per language (by the
// first reader who reaches it), then a couple per later reader, which keeps the run short.
const SHARED = /\/courses\/[^/]+\/lessons\//;

type Finding = string;

/** What earlier walks in the same language covered. */
type Shared = { lessons: Set<string>; signedIn: Set<string>; scanned: Set<string> };

// Pages of one kind that differ only by a record id (a user, an attempt) share one layout; two
// of each kind are enough, and keep the walk from visiting every demo learner's record.
const PER_KIND = 2;
const ID_SEGMENT = /^(?=.*\d)(?=.*[a-z])[a-z0-9]{20,}$|^[0-9a-f-]{36}$/i;

function kindOf(path: string): string {
  const url = new URL(path, baseUrl);
  const segments = url.pathname.split("/").map((s) => (ID_SEGMENT.test(s) ? ":id" : s));
  return `${segments.join("/")}?${[...url.searchParams.keys()].sort().join("&")}`;
}

async function fits(page: Page, url: string, findings: Finding[]): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const { scroll, inner } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    if (scroll > inner) findings.push(`${url}: ${scroll} px wide at ${inner} px`);
  }
}

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Pages scanned with axe, and the violations found (rule, impact, where), over the whole run. */
const axeScans = { pages: 0 };

async function accessible(page: Page, url: string, findings: Finding[]): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  axeScans.pages++;
  for (const v of violations) {
    const where = v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(", ");
    findings.push(`${url}: axe ${v.id} (${v.impact}, ${v.nodes.length}×) at ${where}`);
  }
}

// Two tabs share the walk: page loads wait on the server and the browser in turn.
const TABS = 2;

/** Visits `start` and, when `follow`, every same-language page linked from what it visits. */
async function walk(
  newPage: (options: { viewport: (typeof WIDTHS)[number] }) => Promise<Page>,
  who: string,
  lang: "en" | "es",
  shared: Shared,
  { start = [`/${lang}`, ...PROBES.map((p) => `/${lang}${p}`)], follow = true } = {},
): Promise<{ visited: number; findings: Finding[] }> {
  const first = await newPage({ viewport: WIDTHS[0] });
  if (who !== "anonymous") await login(first, who);
  const tabs = [first];
  // The context's pages raise errors into the test like the first (support/browser.ts).
  while (tabs.length < TABS) tabs.push(await first.context().newPage());
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  const queue = [...start];
  let visited = 0;
  let busy = 0;

  const take = (): string | null => {
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      // A lesson already walked (by anyone, in any view) counts as one more page of its kind.
      const lesson = SHARED.test(path) ? path.split("?")[0]! : null;
      const kind = lesson && shared.lessons.has(lesson) ? `lesson${kindOf(path).split("?")[1]}` : kindOf(path);
      const ofKind = kinds.get(kind) ?? 0;
      if (!start.includes(path)) {
        if (ofKind >= PER_KIND) continue;
        // A page another signed-in person already walked differs only by the header, which this
        // person's start pages check; their own pages (and refusals) are walked in full.
        if (who !== "anonymous" && shared.signedIn.has(path)) continue;
      }
      kinds.set(kind, ofKind + 1);
      if (lesson) shared.lessons.add(lesson);
      if (who !== "anonymous") shared.signedIn.add(path);
      return path;
    }
    return null;
  };

  const visit = async (page: Page, path: string) => {
    visited++;
    await page.setViewportSize(WIDTHS[0]);
    const response = await page.goto(path);
    const status = response?.status() ?? 0;
    if (status >= 500 || status === 0) findings.push(`${path}: status ${status}`);
    const type = (await response?.headerValue("content-type")) ?? "";
    if (!type.startsWith("text/html")) {
      findings.push(`${path}: answered ${status} ${type || "without a type"}, not a page`);
      return;
    }
    // Hydration errors show up as console errors only once the scripts have run.
    await hydrated(page);
    await fits(page, path, findings);
    // One scan per kind of page and language: the same layout with other data finds nothing
    // new. Each person's start pages are scanned anyway (their header and navigation differ).
    const kind = kindOf(path);
    if (start.includes(path) || !shared.scanned.has(kind)) {
      shared.scanned.add(kind);
      await accessible(page, path, findings);
    }
    if (!follow) return;
    // A link the page marks as a download is a file, not a page to walk.
    const links = await page
      .locator("a[href]:not([download])")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== baseUrl || !url.pathname.startsWith(`/${lang}`) || SKIP.test(url.pathname)) continue;
      const next = `${url.pathname}${url.search}`;
      if (!seen.has(next)) queue.push(next);
    }
  };

  const worker = async (page: Page) => {
    for (;;) {
      const path = take();
      if (path === null) {
        // Another tab may still add links.
        if (busy === 0) return;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      busy++;
      try {
        await visit(page, path);
      } finally {
        busy--;
      }
    }
  };
  await Promise.all(tabs.map(worker));
  return { visited, findings };
}

test.describe("every page fits a phone and a desktop", () => {
  for (const lang of ["en", "es"] as const) {
    // Shared per language: each lesson is walked once, and each page once by a signed-in person.
    const shared: Shared = { lessons: new Set(), signedIn: new Set(), scanned: new Set() };

    for (const who of ["anonymous", ...DEMO]) {
      test(`${lang}: ${who.split("@")[0]}`, async ({ newPage }) => {
        test.setTimeout(240_000);
        const started = Date.now();
        const { visited, findings } = await walk(newPage, who, lang, shared);
        console.log(
          `walk ${lang} ${who}: ${visited} pages in ${Date.now() - started} ms (${axeScans.pages} axe scans so far)`,
        );
        expect(findings).toEqual([]);
        expect(visited).toBeGreaterThan(8);
      });
    }

    // A learner in the middle of a quiz: the attempt page (matching and ordering items, cases)
    // is reached by pressing "Start", which the link walk never does.
    test(`${lang}: a learner with an open quiz attempt`, async ({ newPage }) => {
      test.setTimeout(120_000);
      const user = await createUser({ language: lang });
      const quiz = getQuiz("m5-typologies-quiz")!;
      await enrol(user.id, "aml-core");
      const started = await startAttempt({
        userId: user.id,
        quiz,
        courseId: "aml-core",
        lang,
        contentVersion: contentVersion(),
      });
      if (!started.ok) throw new Error(`could not start an attempt: ${started.reason}`);
      const intro = `/${lang}/courses/aml-core/quizzes/${quiz.id}`;
      const start = [`${intro}/attempts/${started.attemptId}`, intro, `/${lang}/learn`, `/${lang}/courses/aml-core`];
      const { findings } = await walk(newPage, user.email, lang, shared, { start, follow: false });
      expect(findings).toEqual([]);
    });
  }
});
