// Reminders 60, 30 and 7 days before a credential or a vetting check lapses: who receives
// them (holder and the supervisors of the holder's organization, nobody else), in which
// language, what they say and link to; each message recorded once and sent once — across two
// runs, a failing mail server and two OS processes running at the same time. The clock is the
// test's.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { acquireLease, releaseLease } from "~/modules/maintenance/index.server.ts";
import { drainOutbox } from "~/modules/orgs/index.server.ts";
import {
  plannedReminders,
  recordReminders,
  REMINDER_LEASE,
  runReminders,
  thresholdFor,
} from "~/modules/vetting/index.server.ts";
import { createOrg, createUser, resetDatabase } from "../helpers/factories.ts";
import { sentMails } from "../helpers/routes.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";

const DAY = 86_400_000;
const NOW = new Date("2027-03-01T15:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

async function credential(userId: string, validUntil: Date, extra: { revokedAt?: Date; renewedById?: string } = {}) {
  const id = crypto.randomBytes(16).toString("hex");
  return db.credential.create({
    data: {
      id,
      issueKey: id,
      userId,
      achievementId: "aml-basics-certificate",
      contentVersion: "test",
      lang: "en",
      issuedAt: new Date(validUntil.getTime() - 365 * DAY),
      validFrom: new Date(validUntil.getTime() - 365 * DAY),
      validUntil,
      revocationListId: "r",
      suspensionListId: "s",
      statusListIndex: crypto.randomInt(1_000_000),
      keyId: "k",
      signedJson: "{}",
      ...extra,
    },
    select: { id: true },
  });
}

async function check(
  orgId: string,
  userId: string,
  recordedById: string,
  fields: { result?: string; checkedOn: Date; expiresOn: Date | null; supersedesId?: string; kind?: string },
) {
  return db.vettingCheck.create({
    data: {
      orgId,
      userId,
      recordedById,
      kind: fields.kind ?? "polygraph",
      result: fields.result ?? "passed",
      checkedOn: fields.checkedOn,
      expiresOn: fields.expiresOn,
      evidenceRef: "EXP-1",
      supersedesId: fields.supersedesId ?? null,
      correctionReason: fields.supersedesId ? "typo" : null,
    },
    select: { id: true },
  });
}

/** Org A: a Spanish-speaking holder, an English-speaking supervisor, an officer; org B: another supervisor. */
async function world() {
  const a = await createOrg("mx_agency");
  const b = await createOrg("us_agency");
  const holder = await createUser({ name: "Ana Holder", language: "es" });
  const supervisor = await createUser({ name: "Sam Supervisor", language: "en" });
  const outsider = await createUser({ name: "Otto Outsider" });
  const officer = await createUser({ name: "Olga Officer" });
  await grantRole(null, holder.id, a.id, "learner");
  await grantRole(null, supervisor.id, a.id, "supervisor");
  await grantRole(null, outsider.id, b.id, "supervisor");
  await grantRole(null, officer.id, a.id, "vetting_officer");
  return { a, b, holder, supervisor, outsider, officer };
}

async function mailCount() {
  return (await sentMails()).length;
}

describe("reminders: what is due and who hears of it", () => {
  it("thresholds: one message per threshold reached, the smallest one", () => {
    expect(thresholdFor(at(61), NOW)).toBeNull();
    expect(thresholdFor(at(60), NOW)).toBe(60);
    expect(thresholdFor(at(31), NOW)).toBe(60);
    expect(thresholdFor(at(30), NOW)).toBe(30);
    expect(thresholdFor(at(8), NOW)).toBe(30);
    expect(thresholdFor(at(7), NOW)).toBe(7);
    expect(thresholdFor(at(0), NOW)).toBeNull();
  });

  it("emails the holder (in Spanish) and the supervisor of the holder's organization (in English), nobody else", async () => {
    const w = await world();
    const cred = await credential(w.holder.id, at(45));
    const run = await runReminders({ now: NOW, perMinute: 1000 });
    expect(run).toMatchObject({ ran: true, due: 2, recorded: 2, sent: 2, failed: 0, waiting: 0 });
    const mails = await sentMails();
    expect(mails.map((m) => m.to).sort()).toEqual([w.holder.email, w.supervisor.email].sort());
    const toHolder = mails.find((m) => m.to === w.holder.email)!;
    expect(toHolder.language).toBe("es");
    expect(toHolder.subject).toContain("vence el");
    expect(toHolder.text).toContain("apruebe de nuevo");
    expect(toHolder.text).toContain("/es/courses/");
    const toSupervisor = mails.find((m) => m.to === w.supervisor.email)!;
    expect(toSupervisor.language).toBe("en");
    expect(toSupervisor.subject).toContain("Ana Holder");
    expect(toSupervisor.text).toContain(`/en/vetting/${w.holder.id}`);
    expect(toSupervisor.text).toContain(w.a.name);
    const keys = await db.vettingReminder.findMany({ select: { key: true } });
    expect(keys.map((k) => k.key).sort()).toEqual(
      [
        `${w.holder.id}:credential:${cred.id}:60:${w.holder.id}`,
        `${w.holder.id}:credential:${cred.id}:60:${w.supervisor.id}`,
      ].sort(),
    );
  });

  it("each threshold once: a second run sends nothing, the 30- and 7-day runs one each", async () => {
    const w = await world();
    await credential(w.holder.id, at(45));
    await runReminders({ now: NOW, perMinute: 1000 });
    expect(await mailCount()).toBe(2);
    expect(await runReminders({ now: NOW, perMinute: 1000 })).toMatchObject({ recorded: 0, already: 2, sent: 0 });
    expect(await runReminders({ now: at(1), perMinute: 1000 })).toMatchObject({ recorded: 0, sent: 0 });
    expect(await runReminders({ now: at(15), perMinute: 1000 })).toMatchObject({ recorded: 2, sent: 2 });
    expect(await runReminders({ now: at(39), perMinute: 1000 })).toMatchObject({ recorded: 2, sent: 2 });
    expect(await runReminders({ now: at(46), perMinute: 1000 })).toMatchObject({ due: 0, sent: 0 });
    expect(await mailCount()).toBe(6);
  });

  it("checks: the latest passed entry that nothing supersedes; credentials: not revoked, not renewed", async () => {
    const w = await world();
    // A pass expiring in 20 days → due (30-day threshold).
    const current = await check(w.a.id, w.holder.id, w.officer.id, { checkedOn: at(-300), expiresOn: at(20) });
    // An older pass of another kind, corrected by a later entry → not due.
    const wrong = await check(w.a.id, w.holder.id, w.officer.id, {
      kind: "control-de-confianza",
      checkedOn: at(-200),
      expiresOn: at(10),
    });
    await check(w.a.id, w.holder.id, w.officer.id, {
      kind: "control-de-confianza",
      checkedOn: at(-200),
      expiresOn: at(300),
      supersedesId: wrong.id,
    });
    // Renewed and revoked credentials lapse without a reminder.
    const next = await credential(w.holder.id, at(400));
    await credential(w.holder.id, at(10), { renewedById: next.id });
    await credential(w.holder.id, at(12), { revokedAt: at(-1) });
    const planned = await plannedReminders(NOW);
    expect(planned.map((p) => [p.itemKind, p.itemId, p.threshold]).sort()).toEqual([
      ["check", current.id, 30],
      ["check", current.id, 30],
    ]);
    await runReminders({ now: NOW, perMinute: 1000 });
    const toHolder = (await sentMails()).find((m) => m.to === w.holder.email)!;
    expect(toHolder.subject).toContain("Evaluación poligráfica");
    expect(toHolder.text).toContain(w.a.name);
  });

  it("a message whose item was renewed before sending is not sent (the email says only what is true)", async () => {
    const w = await world();
    const cred = await credential(w.holder.id, at(20));
    await runReminders({ now: NOW, drain: "none" });
    const next = await credential(w.holder.id, at(400));
    await db.credential.update({ where: { id: cred.id }, data: { renewedById: next.id } });
    expect(await drainOutbox({ now: NOW, perMinute: 1000 })).toMatchObject({ sent: 0, skipped: 2 });
    expect(await mailCount()).toBe(0);
    expect(await db.mailOutbox.count({ where: { sentAt: null } })).toBe(0);
  });

  it("a failed send is retried later, and never sent again once sent", async () => {
    const w = await world();
    await credential(w.holder.id, at(50));
    // The mail "server" refuses: the mail folder cannot be created (a file is in its way).
    const dir = process.env.MAIL_DIR!;
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, "in the way");
    const failed = await runReminders({ now: NOW, perMinute: 1000 });
    expect(failed).toMatchObject({ recorded: 2, sent: 0, failed: 2 });
    const rows = await db.mailOutbox.findMany({
      select: { sentAt: true, attempts: true, lastError: true, notBefore: true },
    });
    expect(rows.every((r) => r.sentAt === null && r.attempts === 1 && r.lastError)).toBe(true);
    fs.rmSync(dir);
    // Not before its retry time…
    expect(await drainOutbox({ now: new Date(), perMinute: 1000 })).toMatchObject({ sent: 0 });
    // …then once.
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await drainOutbox({ now: later, perMinute: 1000 })).toMatchObject({ sent: 2 });
    expect(await drainOutbox({ now: new Date(later.getTime() + 3_600_000), perMinute: 1000 })).toMatchObject({
      sent: 0,
    });
    expect(await runReminders({ now: NOW, perMinute: 1000 })).toMatchObject({ recorded: 0, sent: 0 });
    expect(await mailCount()).toBe(2);
  });

  it("the lease: a run while another runner holds it does nothing", async () => {
    const w = await world();
    await credential(w.holder.id, at(50));
    expect(await acquireLease(REMINDER_LEASE, 60_000, new Date(), "someone-else")).toBe(true);
    expect(await runReminders({ now: NOW, perMinute: 1000 })).toMatchObject({ ran: false });
    expect(await mailCount()).toBe(0);
    await releaseLease(REMINDER_LEASE, "someone-else");
    expect(await runReminders({ now: NOW, perMinute: 1000 })).toMatchObject({ ran: true, sent: 2 });
  });

  it("two recordings of the same plan at once record each message once", async () => {
    const w = await world();
    await credential(w.holder.id, at(50));
    await check(w.a.id, w.holder.id, w.officer.id, { checkedOn: at(-300), expiresOn: at(5) });
    const plan = await plannedReminders(NOW);
    const [x, y] = await Promise.all([recordReminders(plan), recordReminders(plan)]);
    expect(x.recorded + y.recorded).toBe(4);
    expect(await db.vettingReminder.count()).toBe(4);
    expect(await db.mailOutbox.count()).toBe(4);
  });
});

/** Starts two processes, releases them together, returns what each printed. */
async function twoProcesses(mode: "lease" | "direct"): Promise<unknown[]> {
  const children = [0, 1].map(() =>
    spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(__dirname, "workers/reminder-worker.ts"), NOW.toISOString(), mode],
      {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, NODE_ENV: "test" },
        stdio: ["pipe", "pipe", "inherit"],
      },
    ),
  );
  const outputs = children.map(
    (child) =>
      new Promise<{ ready: Promise<void>; done: Promise<string> }>((resolve) => {
        let buffer = "";
        let markReady!: () => void;
        const ready = new Promise<void>((r) => (markReady = r));
        const done = new Promise<string>((r, reject) => {
          child.stdout!.on("data", (chunk: Buffer) => {
            buffer += chunk.toString();
            if (buffer.includes("ready\n")) markReady();
          });
          child.on("exit", (code) =>
            code === 0 ? r(buffer.split("ready\n")[1]!.trim()) : reject(new Error(`exit ${code}`)),
          );
        });
        resolve({ ready, done });
      }),
  );
  const handles = await Promise.all(outputs);
  await Promise.all(handles.map((h) => h.ready));
  for (const child of children) child.stdin!.write("go\n");
  const printed = await Promise.all(handles.map((h) => h.done));
  return printed.map((p) => JSON.parse(p) as unknown);
}

describe("reminders: two OS processes at the same time", () => {
  async function population() {
    const w = await world();
    for (let i = 0; i < 15; i += 1) await credential(w.holder.id, at(5 + i * 3));
    await check(w.a.id, w.holder.id, w.officer.id, { checkedOn: at(-300), expiresOn: at(25) });
    // 16 items × (holder + supervisor)
    return 32;
  }

  it("through the lease: each message sent exactly once", { timeout: 180_000 }, async () => {
    const expected = await population();
    const runs = (await twoProcesses("lease")) as { ran: boolean; sent: number }[];
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(expected);
    expect(await mailCount()).toBe(expected);
    expect(await db.mailOutbox.count({ where: { sentAt: { not: null } } })).toBe(expected);
    expect(await db.vettingReminder.count()).toBe(expected);
  });

  it(
    "without the lease (as if it ran out mid-run): keys and claims still send each message once",
    { timeout: 180_000 },
    async () => {
      const expected = await population();
      const runs = (await twoProcesses("direct")) as { recorded: number; sent: number }[];
      expect(runs.reduce((n, r) => n + r.recorded, 0)).toBe(expected);
      expect(await mailCount()).toBe(expected);
      const sent = await db.mailOutbox.count({ where: { sentAt: { not: null } } });
      const left = await drainOutbox({ now: NOW, perMinute: 10_000 });
      expect(sent + left.sent).toBe(expected);
      expect(await mailCount()).toBe(expected);
      const mails = await sentMails();
      expect(new Set(mails.map((m) => `${m.to}|${m.subject}`)).size).toBe(expected);
    },
  );
});
