// Crash safety (issue 18): the production server is SIGKILLed while a transaction is open —
// a quiz submission, a roster import batch, a credential issuance, an audit append — on a
// copy of the demo database, and after each kill the database is checked (every acknowledged
// write there, nothing half-written, the audit chain whole) and the server started again.
// Most kills land at a crash point (decision 018): the server writes a line to a trace file
// once the transaction has written, then waits for the kill. The rest land at random moments.
// PUENTE_CRASH_KILLS sets the kills per path (20; a fifth of them at random moments).
import crypto from "node:crypto";
import http from "node:http";
import { expect, test } from "./support/browser.ts";
import {
  acknowledged,
  redirectedTo,
  crashDatabase,
  CrashServer,
  postForm,
  randomDelay,
  tally,
  withFile,
  type CrashPoint,
} from "./support/crash.ts";
import { adminAndTarget, credentialLearners, importer, LAST_LESSON, quizLearners } from "./support/crash-setup.ts";
import {
  credentialProblems,
  importProblems,
  quizProblems,
  toggleProblems,
  toggleState,
} from "./support/crash-checks.ts";
import { snapshotItems } from "~/modules/quiz/index.server.ts";
import { answerFields } from "../helpers/quiz.ts";

const KILLS = Number(process.env.PUENTE_CRASH_KILLS ?? 20);
const RANDOM = Math.floor(KILLS / 5);
const PAUSED = KILLS - RANDOM;

test.describe("crash safety", () => {
  /** Every server a path started, killed when the test ends however it ends. */
  const servers: CrashServer[] = [];
  const serverFor = (db: ReturnType<typeof crashDatabase>) => {
    const server = new CrashServer(db);
    servers.push(server);
    return server;
  };

  /** One kill: `act` starts the write; the kill lands at the paused point or after a random delay. */
  async function killDuring(server: CrashServer, point: CrashPoint | null, act: () => Promise<Response | null>) {
    const pending = act();
    if (point) expect(await server.pausedAt()).toBe(point);
    else await new Promise((r) => setTimeout(r, randomDelay(250)));
    await server.kill();
    tally.kills += 1;
    if (point) tally.paused += 1;
    else tally.random += 1;
    const response = await pending;
    if (point) expect(acknowledged(response), "a write paused in its transaction was acknowledged").toBe(false);
    return response;
  }

  async function quizSubmissions() {
    const db = crashDatabase("quiz");
    const base = "/en/courses/aml-core/quizzes/m1-foundations-quiz";
    const learners = quizLearners(db.file, 4).map((l) => ({ ...l, attempts: 0 }));
    const server = serverFor(db);
    let open: { id: string; saved: Set<string>; items: ReturnType<typeof snapshotItems> } | null = null;
    let learner = 0;

    async function ensureOpenAttempt() {
      if (open) {
        const row = withFile(db.file, (sql) =>
          sql.prepare('SELECT status FROM "QuizAttempt" WHERE id = ?').get(open!.id),
        ) as { status: string };
        if (row.status === "open") return open;
      }
      if (learners[learner]!.attempts === 3) learner += 1;
      const who = learners[learner]!;
      const started = await server.post(base, who.cookie, new URLSearchParams());
      expect(redirectedTo(started)).toMatch(/\/attempts\/[^/]+$/);
      who.attempts += 1;
      const id = started!.headers.get("Location")!.split("/").pop()!;
      const snapshot = withFile(db.file, (sql) =>
        sql.prepare('SELECT snapshot FROM "QuizAttempt" WHERE id = ?').get(id),
      ) as { snapshot: string };
      open = { id, saved: new Set(), items: snapshotItems(JSON.parse(snapshot.snapshot)) };
      return open;
    }
    const check = () =>
      withFile(db.file, (sql) =>
        quizProblems(
          sql,
          learners.map((l) => l.id),
          open && { id: open.id, saved: open.saved },
        ),
      );

    for (let k = 0; k < KILLS; k++) {
      const point = k < PAUSED ? ("quiz-submit" as const) : null;
      await server.start(point ? { pause: point } : {});
      const attempt = await ensureOpenAttempt();
      const item = attempt.items[k % attempt.items.length]!;
      const who = learners[learner]!;
      const path = `${base}/attempts/${attempt.id}`;
      const save = await server.post(
        path,
        who.cookie,
        new URLSearchParams([["intent", "save"], ...answerFields([item], true)]),
      );
      expect(save?.status).toBe(200);
      attempt.saved.add(item.key);
      const submit = await killDuring(server, point, () =>
        server.post(path, who.cookie, new URLSearchParams([["intent", "submit"]])),
      );
      expect(check()).toEqual([]);
      if (acknowledged(submit)) open = null;
    }
    await server.start();
    const last = await ensureOpenAttempt();
    const who = learners[learner]!;
    const done = await server.post(
      `${base}/attempts/${last.id}`,
      who.cookie,
      new URLSearchParams([["intent", "submit"]]),
    );
    expect(redirectedTo(done)).toMatch(/\/review$/);
    await server.stop();
    expect(check()).toEqual([]);
    const status = withFile(db.file, (sql) =>
      sql.prepare('SELECT status FROM "QuizAttempt" WHERE id = ?').get(last.id),
    );
    expect(status).toEqual({ status: "submitted" });
  }

  async function credentialIssuance() {
    const db = crashDatabase("credential");
    const lesson = `/en/courses/legal-practice/lessons/${LAST_LESSON}`;
    const learners = credentialLearners(db.file, KILLS + 1);
    const ids = learners.map((l) => l.id);
    const earned = new Set<string>();
    const server = serverFor(db);
    const complete = (i: number) =>
      server.post(lesson, learners[i]!.cookie, new URLSearchParams([["intent", "complete"]]));
    const check = () => withFile(db.file, (sql) => credentialProblems(sql, ids, earned, "legal-practice-certificate"));

    for (let k = 0; k < KILLS; k++) {
      const point = k < PAUSED ? ("credential-issue" as const) : null;
      // The learner whose request died sends it again (the first issuance of this process).
      await server.start(point ? { pause: point, skip: k > 0 ? 1 : 0 } : {});
      if (k > 0) {
        expect((await complete(k - 1))?.status).toBe(200);
        earned.add(ids[k - 1]!);
      }
      const response = await killDuring(server, point, () => complete(k));
      if (acknowledged(response)) earned.add(ids[k]!);
      expect(check()).toEqual([]);
    }
    await server.start();
    expect((await complete(KILLS - 1))?.status).toBe(200);
    earned.add(ids[KILLS - 1]!);
    await server.stop();
    expect(check()).toEqual([]);
  }

  async function importBatches() {
    const db = crashDatabase("import");
    const { cookie, orgId, cohort } = importer(db.file);
    const jobs = new Map<string, string[]>();
    const server = serverFor(db);
    const check = () => withFile(db.file, (sql) => importProblems(sql, jobs));
    const running = () =>
      (
        withFile(db.file, (sql) =>
          sql.prepare(`SELECT count(*) AS n FROM "ImportJob" WHERE status = 'running'`).get(),
        ) as { n: number }
      ).n;

    /** Starts the server after the dead process's lease has run out, and waits for the start-up sweep to finish the job. */
    async function restart(options: Parameters<CrashServer["start"]>[0] = {}) {
      // Time passing while the server is down: the lease the killed process held runs out.
      withFile(db.file, (sql) =>
        sql
          .prepare(`UPDATE "ImportJob" SET leaseUntil = ? WHERE status = 'running'`)
          .run("2000-01-01T00:00:00.000+00:00"),
      );
      await server.start({ ...options, skip: running() });
      await expect.poll(running, { timeout: 30_000, intervals: [50] }).toBe(0);
    }

    async function upload(k: number): Promise<string> {
      const emails = [0, 1, 2].map(
        (i) => `crash-import-${k}-${i}-${crypto.randomBytes(2).toString("hex")}@example.test`,
      );
      const csv = `name,email,language,role,cohort\n${emails.map((e, i) => `Crash Person ${k}-${i},${e},en,learner,${cohort}`).join("\n")}\n`;
      const form = new FormData();
      form.set("org", orgId);
      form.set("file", new File([csv], `crash-${k}.csv`, { type: "text/csv" }));
      const planned = await server.post("/en/orgs/import", cookie, form);
      expect(redirectedTo(planned)).toMatch(/^\/en\/orgs\/import\/[^/?]+$/);
      const jobId = planned!.headers.get("Location")!.split("/").pop()!;
      jobs.set(jobId, emails);
      return jobId;
    }

    for (let k = 0; k < KILLS; k++) {
      const point = k < PAUSED ? ("import-batch" as const) : null;
      await restart(point ? { pause: point } : {});
      const jobId = await upload(k);
      const confirm = new URLSearchParams([["intent", "confirm"]]);
      // The confirmation is acknowledged; its first batch runs in the background and is killed.
      expect(redirectedTo(await server.post(`/en/orgs/import/${jobId}`, cookie, confirm))).toBe(
        `/en/orgs/import/${jobId}`,
      );
      await killDuring(server, point, async () => null);
      expect(check()).toEqual([]);
    }
    await restart();
    await server.stop();
    expect(check()).toEqual([]);
    const finished = withFile(db.file, (sql) =>
      sql
        .prepare(
          `SELECT count(*) AS n FROM "ImportJob" WHERE status = 'finished' AND id IN (${[...jobs.keys()].map(() => "?").join(", ")})`,
        )
        .get(...jobs.keys()),
    );
    expect(finished).toEqual({ n: KILLS });
  }

  async function auditAppends() {
    const db = crashDatabase("audit");
    const { cookie, target } = adminAndTarget(db.file);
    const server = serverFor(db);
    let deactivated = false;
    let changes = 0;
    const toggle = () =>
      server.post(
        `/en/admin/users/${target}`,
        cookie,
        new URLSearchParams([["intent", deactivated ? "reactivate" : "deactivate"]]),
      );
    // Done, and not sent to confirm the admin's access first (decision 016): the session is fresh.
    const toggled = (response: Response | null) => redirectedTo(response)?.includes("?done=") ?? false;
    const check = () => withFile(db.file, (sql) => toggleProblems(sql, target, changes));

    for (let k = 0; k < KILLS; k++) {
      const point = k < PAUSED ? ("audit-append" as const) : null;
      await server.start(point ? { pause: point, skip: 1 } : {});
      expect(toggled(await toggle())).toBe(true);
      deactivated = !deactivated;
      changes += 1;
      await killDuring(server, point, async () => {
        // At random moments: change after change until the kill.
        for (;;) {
          const response = await toggle();
          if (!toggled(response)) return response;
          deactivated = !deactivated;
          changes += 1;
          if (point) return response;
        }
      });
      expect(check()).toEqual([]);
      // A change that committed without its answer: the state the database holds is the truth.
      const state = withFile(db.file, (sql) => toggleState(sql, target));
      deactivated = state.deactivated;
      changes = state.audited.length;
    }
    await server.start();
    expect(toggled(await toggle())).toBe(true);
    changes += 1;
    await server.stop();
    expect(check()).toEqual([]);
  }
  // Two paths at a time (each has its own database and server): a server's start is mostly one
  // core's work, and there are two.
  test("killed inside its transactions, the server recovers every time", async () => {
    test.setTimeout(60_000 + KILLS * 30_000);
    const failed: string[] = [];
    const errors: unknown[] = [];
    const lane = async (...paths: [string, () => Promise<void>][]) => {
      for (const [name, path] of paths) {
        await path().catch((error: unknown) => {
          failed.push(name);
          errors.push(error);
        });
      }
    };
    try {
      await Promise.all([
        lane(["quiz submissions", quizSubmissions], ["credential issuance", credentialIssuance]),
        lane(["roster import batches", importBatches], ["audit appends", auditAppends]),
      ]);
    } finally {
      await Promise.all(servers.map((server) => server.kill()));
      const { kills, paused, random } = tally;
      const outcome = failed.length ? `NOT recovered (${failed.join(", ")})` : "all recovered";
      console.log(
        `crash safety: ${kills} kills, ${paused} inside a transaction, ${outcome} (${random} at random moments)`,
      );
    }
    if (errors.length) throw errors[0];
  });

  // A kill can land after the server has sent its answer's head and before the body is read
  // (CI, stop 22: "TypeError: terminated"). The head is the answer; a dead socket before it is none.
  test("a post whose connection dies after the answer's head keeps the answer", async () => {
    const server = http.createServer((request, response) => {
      request.resume();
      if (request.url === "/before-head") return request.socket.destroy();
      response.writeHead(302, { Location: "/en/done", "Content-Type": "text/html" });
      response.write("<p>moved");
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const form = new URLSearchParams([["intent", "submit"]]);
      const answered = await postForm(`http://127.0.0.1:${port}/after-head`, "a=b", form);
      expect(acknowledged(answered)).toBe(true);
      expect(redirectedTo(answered)).toBe("/en/done");
      expect(await postForm(`http://127.0.0.1:${port}/before-head`, "a=b", form)).toBeNull();
    } finally {
      server.close();
    }
  });
});
