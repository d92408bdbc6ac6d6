// Key rotation (old credentials still verify, also in a fresh process) and recertification
// inside the window (a successor from the old expiry, no gap, no overlap).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import {
  awardEarnedCredentials,
  addMonths,
  attemptCycleStart,
  credentialsOf,
  planFor,
  verifyPage,
} from "~/modules/credentials/index.server.ts";
import { getAchievement, getQuiz } from "~/modules/content/index.server.ts";
import { quizStanding } from "~/modules/quiz/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { verifyProofIndependently } from "../helpers/vc-verify.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { QUIZ, setUpLearningTests } from "./learning-fixture.ts";
import { ACHIEVEMENT, earnThroughRoutes, fetchCredentialJson, fetchDid, takeQuiz } from "./credentials-fixture.ts";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");

setUpLearningTests();

beforeAll(() => {
  // A key file of this file's own, since it is rotated here.
  const own = path.join(path.dirname(process.env.ISSUER_KEYS_FILE!), `issuer-rotation-${process.pid}.json`);
  fs.copyFileSync(process.env.ISSUER_KEYS_FILE!, own);
  fs.chmodSync(own, 0o600);
  process.env.ISSUER_KEYS_FILE = own;
});

async function earnedBy(name: string) {
  const user = await createUser({ name, language: "en" });
  await earnThroughRoutes(user.id, await sessionCookie(user.id), "en");
  return db.credential.findFirstOrThrow({
    where: { userId: user.id },
    select: { id: true, keyId: true, signedJson: true },
  });
}

describe("issuer key rotation", () => {
  it("a rotated key signs new credentials; old ones still verify, also after a restart", async () => {
    const old = await earnedBy("Carlos Alberto Méndez Salinas");
    expect(fs.statSync(process.env.ISSUER_KEYS_FILE!).mode & 0o777).toBe(0o600);

    await run(process.execPath, ["scripts/credentials/issuer-keys.mjs", "--rotate"], { cwd: root, env: process.env });
    const did = (await fetchDid()).json() as {
      id: string;
      verificationMethod: { id: string }[];
      assertionMethod: string[];
    };
    expect(did.verificationMethod).toHaveLength(2);
    expect(did.assertionMethod).toEqual(did.verificationMethod.map((m) => m.id));

    const fresh = await earnedBy("Lucía Fernanda Ortiz Vega");
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(fresh.keyId).toBe(did.verificationMethod[1]!.id);

    const oldJson = (await fetchCredentialJson(old.id)).json();
    expect((await verifyProofIndependently(oldJson, did)).verified).toBe(true);
    expect((await verifyProofIndependently((await fetchCredentialJson(fresh.id)).json(), did)).verified).toBe(true);

    // A new process (as after a restart) verifies the old credential with the same function
    // as the page: npm run credential:verify.
    const file = path.join(path.dirname(process.env.ISSUER_KEYS_FILE!), `old-${old.id}.json`);
    fs.writeFileSync(file, JSON.stringify(oldJson));
    const cli = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/credentials/verify.ts", file], {
      cwd: root,
      env: process.env,
    });
    expect(cli.stdout).toMatch(/^VALID: valid/);

    // The same command says NOT VALID, and why, for an altered copy.
    fs.writeFileSync(file, JSON.stringify({ ...oldJson, name: "Something else" }));
    const altered = await run(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/credentials/verify.ts", file],
      {
        cwd: root,
        env: process.env,
      },
    ).catch((error: { code: number; stdout: string }) => error);
    expect((altered as { code: number }).code).toBe(1);
    expect((altered as { stdout: string }).stdout).toMatch(/NOT VALID: invalid[\s\S]*altered/);
    fs.rmSync(file);
  }, 60_000);
});

describe("recertification", () => {
  it("passing the quiz again inside the window issues a successor from the old expiry, naming its predecessor", async () => {
    const achievement = getAchievement(ACHIEVEMENT)!;
    const user = await createUser({ name: "Rosa Elena García Treviño", language: "es", verified: false });
    const cookie = await sessionCookie(user.id);
    await earnThroughRoutes(user.id, cookie, "es");
    expect(await db.credential.count({ where: { userId: user.id } })).toBe(0); // email not verified

    // Earned long ago: issued so that it expires within the recertification window.
    const now = new Date();
    const issuedAt = addMonths(new Date(now.getTime() + 30 * 86_400_000), -achievement.validityMonths);
    await db.quizAttempt.updateMany({
      where: { userId: user.id },
      data: { submittedAt: issuedAt, startedAt: issuedAt },
    });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: issuedAt }, select: { id: true } });
    const [first] = await awardEarnedCredentials(user.id, { now: issuedAt });
    expect(first!.kind).toBe("first");
    expect(first!.validUntil.getTime()).toBeGreaterThan(now.getTime());

    // Nothing to renew until the quiz is passed again in the window, where the quiz counts
    // attempts afresh (a new cycle): the earlier pass neither uses up attempts nor counts.
    expect(await planFor(user.id, achievement, now)).toBeNull();
    const cycleStart = await attemptCycleStart(user.id, QUIZ, now);
    expect(cycleStart!.getTime()).toBe(first!.validUntil.getTime() - achievement.recertifyWindowDays * 86_400_000);
    const standing = await quizStanding(user.id, getQuiz(QUIZ)!, now, cycleStart);
    expect(standing).toMatchObject({ attemptsUsed: 0, passed: false, nextNumber: 2 });
    expect((await quizStanding(user.id, getQuiz(QUIZ)!, now)).attemptsUsed).toBe(1);
    const [listed] = await credentialsOf(user.id, now);
    expect(listed).toMatchObject({ state: "expiring", recertifyQuizzesLeft: [QUIZ] });
    await takeQuiz(user.id, cookie, true, "es");

    const rows = await db.credential.findMany({
      where: { userId: user.id },
      orderBy: { validFrom: "asc" },
      select: { id: true, validFrom: true, validUntil: true, predecessorId: true, renewedById: true, signedJson: true },
    });
    expect(rows).toHaveLength(2);
    const [old, successor] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(successor.predecessorId).toBe(old.id);
    expect(old.renewedById).toBe(successor.id);
    // No gap, no overlap: the successor starts the instant the predecessor ends.
    expect(successor.validFrom.getTime()).toBe(old.validUntil.getTime());
    expect(JSON.parse(successor.signedJson).validFrom).toBe(JSON.parse(old.signedJson).validUntil);
    expect(successor.validUntil.getTime()).toBe(addMonths(old.validUntil, achievement.validityMonths).getTime());

    // The predecessor still verifies and says it was renewed; the successor is pending.
    const oldPage = await verifyPage(old.id, "en");
    expect(oldPage!.verdict.state).toBe("expiring");
    expect(oldPage!.renewedFrom).not.toBeNull();
    const newPage = await verifyPage(successor.id, "en");
    expect(newPage!.verdict.state).toBe("pending");
    expect(newPage!.renews).toBe(true);
    // ... and becomes the valid one after the old expiry.
    const later = new Date(old.validUntil.getTime() + 86_400_000);
    expect((await verifyPage(old.id, "en", { now: later }))!.verdict.state).toBe("expired");
    expect((await verifyPage(successor.id, "en", { now: later }))!.verdict.state).toBe("valid");

    // Passing again does not renew twice.
    expect(await awardEarnedCredentials(user.id)).toEqual([]);
  });

  it("after expiry, a new credential is earned fresh: old passes do not count", async () => {
    const achievement = getAchievement(ACHIEVEMENT)!;
    const user = await createUser({ name: "Pedro Ruiz" });
    await earnThroughRoutes(user.id, await sessionCookie(user.id), "en");
    const held = await db.credential.findFirstOrThrow({ where: { userId: user.id }, select: { validUntil: true } });
    const afterExpiry = new Date(held.validUntil.getTime() + 86_400_000);
    expect(await planFor(user.id, achievement, afterExpiry)).toBeNull();
  });
});
