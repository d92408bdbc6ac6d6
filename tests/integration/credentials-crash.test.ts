// A process that dies while issuing the credential a course's last lesson earned (found by
// tests/e2e/crash-safety.e2e.test.ts, decision 018): here the issuance fails once, as a kill
// would end it, and the learner sends the lesson again. The course must not be recorded as
// completed before its credential exists, or nothing would ever look at it again.
import { describe, expect, it, vi } from "vitest";
import type * as Credentials from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { complete, COURSE, enrolVia, setUpLearningTests } from "./learning-fixture.ts";
import { ACHIEVEMENT, LESSONS, takeQuiz } from "./credentials-fixture.ts";

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
});
