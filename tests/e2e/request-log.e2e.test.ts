// The request log of a real server (server/request-log.mjs, decision 017) over a scripted
// session: a sign-in with password and TOTP code, a vetting check with an evidence reference,
// a quiz answered and submitted, a password reset through the emailed link. Every request has
// its JSON line (id, method, route, status, duration), and the whole log holds none of the
// secrets or answers the session sent or received.
import crypto from "node:crypto";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt } from "~/modules/quiz/index.server.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";
import { readLatestMail } from "./support/mail.ts";
import { startServer } from "./support/server.ts";
import { baseUrl, demoEmail, expect, freshTotpCode, test } from "./support/browser.ts";

const enAuth = resources.en.auth;
const ORG_SLUG = "unidad-conjunta-analisis";

type Line = { reqId: string; method: string; route: string; status: number; ms: number; userId?: string };

test("a scripted session leaves every request in the log and no secret in it", async ({ browser }) => {
  test.setTimeout(240_000);
  // Links in mail and the issuer's identity follow APP_URL: the suite's, as its server has.
  const server = await startServer({ LOG_LEVEL: "info", APP_URL: baseUrl, PUENTE_WORKERS: "1" });
  const secrets: Record<string, string> = { password: DEMO_PASSWORD };
  let officerId = "";
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();

    // Password, then the second factor.
    const email = demoEmail("vetting_officer");
    const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
    const officer = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    officerId = officer.id;
    await page.goto("/en/login");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/en\/second-factor/);
    secrets.totpCode = await freshTotpCode(officer.id, account.totpSecret!);
    await page.getByLabel("Code from your authenticator app").fill(secrets.totpCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL((url) => !url.pathname.includes("second-factor"));
    secrets.totpSecret = account.totpSecret!;
    secrets.session = (await context.cookies()).find((c) => c.name === "puente_session")!.value;
    secrets.email = email;

    // A vetting check with an evidence reference, for a person of the officer's organization.
    const org = await db.organization.findFirstOrThrow({ where: { slug: ORG_SLUG }, select: { id: true } });
    const person = await createUser({ language: "es" });
    await db.membership.create({
      data: { orgId: org.id, userId: person.id, roles: { create: { role: "learner" } } },
      select: { id: true },
    });
    await db.profileAssignment.create({
      data: { orgId: org.id, userId: person.id, profileId: "joint-team-agent" },
      select: { id: true },
    });
    secrets.evidence = `EXP-LOG-${crypto.randomBytes(6).toString("hex")}`;
    const recorded = await page.request.post(`/en/vetting/people/${person.id}`, {
      form: {
        intent: "record",
        orgId: org.id,
        kind: "background-investigation",
        result: "passed",
        checkedOn: new Date().toISOString().slice(0, 10),
        expiresOn: "",
        evidenceRef: secrets.evidence,
      },
      maxRedirects: 0,
    });
    expect(recorded.status()).toBeLessThan(400);
    expect(await db.vettingCheck.count({ where: { evidenceRef: secrets.evidence } })).toBe(1);
    await page.goto(`/en/vetting/people/${person.id}`);
    await expect(page.getByText(secrets.evidence).first()).toBeVisible();

    // A learner answers a quiz and submits it.
    const learner = await createUser();
    await enrol(learner.id, "aml-core");
    const quiz = getQuiz("m1-foundations-quiz")!;
    const started = await startAttempt({
      userId: learner.id,
      quiz,
      courseId: "aml-core",
      lang: "en",
      contentVersion: contentVersion(),
    });
    if (!started.ok) throw new Error(`could not start an attempt: ${started.reason}`);
    const items = snapshotItems((await ownAttempt(started.attemptId, learner.id))!.snapshot);
    const answers = answerFields(items, true);
    const learnerContext = await browser.newContext({ baseURL: server.baseUrl });
    const [name, value] = (await sessionCookie(learner.id)).split("=") as [string, string];
    await learnerContext.addCookies([{ name, value, url: server.baseUrl }]);
    const submitted = await learnerContext.request.post(
      `/en/courses/aml-core/quizzes/${quiz.id}/attempts/${started.attemptId}`,
      { form: Object.fromEntries([["intent", "submit"], ...answers]), maxRedirects: 0 },
    );
    expect(submitted.status()).toBeLessThan(400);
    // Answers long enough to mean something if they turned up (not "1", "true" or "a").
    answers.forEach(([, answer], i) => {
      if (answer.length >= 6) secrets[`answer${i}`] = answer;
    });
    await learnerContext.close();

    // A forgotten password: the emailed link's token, and the new password.
    const forgetful = await createUser({ password: "the old pass phrase here" });
    secrets.oldPassword = "the old pass phrase here";
    secrets.newPassword = `new pass phrase ${crypto.randomBytes(4).toString("hex")}`;
    const resetPage = await context.browser()!.newPage({ baseURL: server.baseUrl });
    await resetPage.goto("/en/forgot-password");
    await resetPage.getByLabel(enAuth.fields.email).fill(forgetful.email);
    await resetPage.getByRole("button", { name: enAuth.forgot.submit }).click();
    await expect.poll(() => resetPage.getByRole("status").first().textContent()).toBe(enAuth.forgot.sent);
    const link = new URL((await readLatestMail(forgetful.email, "reset")).link);
    secrets.resetToken = link.searchParams.get("token")!;
    await resetPage.goto(`${link.pathname}${link.search}`);
    await resetPage.getByLabel(enAuth.fields.newPassword).fill(secrets.newPassword);
    await resetPage.getByRole("button", { name: enAuth.reset.submit }).click();
    await resetPage.waitForURL("**/en/account?reset=1");
    await resetPage.close();
    await context.close();
    // The lines are written asynchronously; give the last ones a moment before stopping.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await server.stop();
  }

  const log = server.log();
  const lines = log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);
  expect(lines.length).toBeGreaterThan(15);
  for (const line of lines) {
    expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.method).toMatch(/^[A-Z]+$/);
    expect(line.route).toBeTruthy();
    expect(line.status).toBeGreaterThanOrEqual(100);
    expect(line.ms).toBeGreaterThanOrEqual(0);
  }
  const routes = new Set(lines.map((l) => `${l.method} ${l.route}`));
  for (const expected of [
    "POST routes/$lang.login",
    "POST routes/$lang.second-factor",
    "POST routes/$lang.vetting.people.$userId",
    "POST routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt._index",
    "GET routes/$lang.reset-password",
    "POST routes/$lang.reset-password",
  ]) {
    expect(routes, expected).toContain(expected);
  }
  // The signed-in officer's requests name the account by id, never by email.
  expect(lines.some((l) => l.userId === officerId)).toBe(true);

  for (const [what, secret] of Object.entries(secrets)) {
    expect(log.includes(secret), `the log contains the ${what}`).toBe(false);
  }
  for (const tell of ["token=", "puente_session", "evidence", "cookie", "@"]) {
    expect(log.toLowerCase(), tell).not.toContain(tell);
  }
});
