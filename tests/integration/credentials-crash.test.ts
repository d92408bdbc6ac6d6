// A process that dies while issuing an earned credential (found by
// tests/e2e/crash-safety.e2e.test.ts, decision 018): here the issuance fails once, as a kill
// would end it. The course must not be recorded as completed before its credential exists, or
// nothing would look at it again; and what was earned is issued when its holder looks for it.
import { describe, expect, it, vi } from "vitest";
import type * as Credentials from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { resendVerification } from "~/modules/auth/index.server.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { lastTokenFor, makeRequest, run } from "../helpers/routes.ts";
import { complete, COURSE, enrolVia, setUpLearningTests } from "./learning-fixture.ts";
import { ACHIEVEMENT, earnThroughRoutes, LESSONS, takeQuiz } from "./credentials-fixture.ts";

const issuance = vi.hoisted(() => ({ dies: false }));
vi.mock("~/modules/credentials/index.server.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof Credentials>();
  return {
    ...actual,
    awardEarnedCredentials: (...args: Parameters<typeof actual.awardEarnedCredentials>) => {
      if (issuance.dies) return Promise.reject(new Error("the process died while issuing"));
      return actual.awardEarnedCredentials(...args);
    },
  };
});

setUpLearningTests();

describe("a crash while issuing the credential of a completed course", () => {
  it("leaves the course not yet completed, and the lesson sent again issues the credential", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    await enrolVia(cookie);
    await takeQuiz(user.id, cookie, true);
    await complete(cookie, LESSONS[0]);

    issuance.dies = true;
    await expect(complete(cookie, LESSONS[1])).rejects.toThrow("the process died while issuing");
    issuance.dies = false;
    const afterCrash = await db.enrolment.findFirst({
      where: { userId: user.id, courseId: COURSE },
      select: { completedAt: true },
    });
    expect(afterCrash?.completedAt).toBeNull();
    expect(await db.credential.count({ where: { userId: user.id } })).toBe(0);

    const again = await complete(cookie, LESSONS[1]);
    expect(again.status).toBe(200);
    const credentials = await db.credential.findMany({ where: { userId: user.id }, select: { achievementId: true } });
    expect(credentials).toEqual([{ achievementId: ACHIEVEMENT }]);
    const completed = await db.enrolment.findFirst({
      where: { userId: user.id, courseId: COURSE },
      select: { completedAt: true },
    });
    expect(completed?.completedAt).toBeInstanceOf(Date);
  });

  it("after an email verification, whose link is then used up, the holder's credentials page issues it", async () => {
    // Imported here: imported at the top, these routes load the credentials module first, and
    // through an import cycle the learning module then gets it without the mock.
    const { loader: verifyEmailLoader } = await import("~/routes/$lang.verify-email/route.tsx");
    const { loader: credentialsLoader } = await import("~/routes/$lang.credentials._index/route.tsx");
    const user = await createUser({ verified: false });
    const cookie = await sessionCookie(user.id);
    await earnThroughRoutes(user.id, cookie);
    await resendVerification(user.id, "203.0.113.7");
    const token = await lastTokenFor(user.email, "verify-email");

    issuance.dies = true;
    const verify = makeRequest(`/en/verify-email?token=${encodeURIComponent(token)}`);
    await expect(run(verifyEmailLoader, verify, { lang: "en" })).rejects.toThrow("the process died while issuing");
    issuance.dies = false;
    expect(await db.credential.count({ where: { userId: user.id } })).toBe(0);

    const page = await run(credentialsLoader, makeRequest("/en/credentials", { cookie }), { lang: "en" });
    expect(page.status).toBe(200);
    const credentials = await db.credential.findMany({ where: { userId: user.id }, select: { achievementId: true } });
    expect(credentials).toEqual([{ achievementId: ACHIEVEMENT }]);
    expect((page.data as { credentials: unknown[] }).credentials).toHaveLength(1);
  });
});
