// The supervisor dashboard, the person page and the CSV: who may open them (a learner or an
// org admin: 403; a supervisor opening someone of another organization by id: 404), what the
// counts, rows, CSV and 180-day outlook say against the data, and acting on a lapse.
import crypto from "node:crypto";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { refreshVetting } from "~/modules/vetting/index.server.ts";
import { loader as dashboardLoader } from "~/routes/$lang.vetting._index/route.tsx";
import { action as personAction, loader as personLoader } from "~/routes/$lang.vetting.$userId/route.tsx";
import { loader as exportLoader } from "~/routes/$lang.vetting.export/route.ts";
import { loader as homeLoader } from "~/routes/$lang._index/route.tsx";
import { createOrg, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

const DAY = 86_400_000;
const PROFILE = "joint-team-agent";

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve(__dirname, "../fixtures/content/valid");
});
beforeEach(resetDatabase);

async function credential(userId: string, validUntil: Date) {
  const id = crypto.randomBytes(16).toString("hex");
  await db.credential.create({
    data: {
      id,
      issueKey: id,
      userId,
      achievementId: "aml-basics-certificate",
      contentVersion: "test",
      lang: "en",
      issuedAt: new Date(validUntil.getTime() - 700 * DAY),
      validFrom: new Date(validUntil.getTime() - 700 * DAY),
      validUntil,
      revocationListId: "r",
      suspensionListId: "s",
      statusListIndex: crypto.randomInt(1_000_000),
      keyId: "k",
      signedJson: "{}",
    },
    select: { id: true },
  });
  return id;
}

async function world() {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const a = await createOrg("mx_agency");
  const b = await createOrg("us_agency");
  const supervisor = await createUser({ name: "Sara Supervisora", language: "es" });
  const officer = await createUser({ name: "Oscar Officer" });
  const learner = await createUser({ name: "Lena Learner" });
  const orgAdmin = await createUser({ name: "Orla Admin" });
  await grantRole(null, supervisor.id, a.id, "supervisor");
  await grantRole(null, officer.id, a.id, "vetting_officer");
  await grantRole(null, officer.id, b.id, "vetting_officer");
  await grantRole(null, learner.id, a.id, "learner");
  await grantRole(null, orgAdmin.id, a.id, "org_admin");
  const person = async (
    name: string,
    org: string,
    cred: number | null,
    check: { checked: number; expires: number } | null,
  ) => {
    const u = await createUser({ name });
    await grantRole(null, u.id, org, "learner");
    if (cred !== null) await credential(u.id, at(cred));
    if (check) {
      await db.vettingCheck.create({
        data: {
          orgId: org,
          userId: u.id,
          kind: "polygraph",
          result: "passed",
          checkedOn: at(check.checked),
          expiresOn: at(check.expires),
          evidenceRef: "EXP-7",
          recordedById: officer.id,
        },
        select: { id: true },
      });
    }
    await db.profileAssignment.create({ data: { orgId: org, userId: u.id, profileId: PROFILE }, select: { id: true } });
    await db.$transaction((tx) => refreshVetting(tx, u.id, new Date()));
    return u;
  };
  const cleared = await person("Ana Cleared", a.id, 400, { checked: -100, expires: 500 });
  const expiring = await person("=Beto Expiring", a.id, 40, { checked: -100, expires: 500 });
  const lapsed = await person("Carla Lapsed", a.id, 400, { checked: -900, expires: -10 });
  const pending = await person("Dario Pending", a.id, 400, null);
  const other = await person("Otto Other", b.id, 400, { checked: -100, expires: 130 });
  return { a, b, at, supervisor, officer, learner, orgAdmin, cleared, expiring, lapsed, pending, other };
}

type Dashboard = {
  view: {
    counts: Record<string, number>;
    total: number;
    rows: { name: string; status: string; reasons: string[]; credentials: string[]; lapse: string | null }[];
    outlook: { month: string; people: number; items: { label: string; people: number }[] }[];
  };
};

describe("vetting dashboard: who may see what", () => {
  it("a learner and an org admin are refused the dashboard, its CSV and a person (403), each in the security log", async () => {
    const w = await world();
    const audit = await db.auditEvent.count();
    for (const id of [w.learner.id, w.orgAdmin.id]) {
      const cookie = await sessionCookie(id);
      expect((await run(dashboardLoader, makeRequest("/en/vetting", { cookie }), { lang: "en" })).status).toBe(403);
      expect((await run(exportLoader, makeRequest("/en/vetting/export", { cookie }), { lang: "en" })).status).toBe(403);
      const page = await run(personLoader, makeRequest(`/en/vetting/${w.cleared.id}`, { cookie }), {
        lang: "en",
        userId: w.cleared.id,
      });
      expect(page.status).toBe(403);
    }
    const logged = await db.securityEvent.findMany({
      orderBy: [{ actorId: "asc" }, { kind: "asc" }],
      select: { kind: true, actorId: true, data: true },
    });
    const kinds = ["vetting.dashboard.refused", "vetting.export.refused", "vetting.person.refused"];
    expect(logged.map((e) => [e.actorId, e.kind])).toEqual(
      [w.learner.id, w.orgAdmin.id].sort().flatMap((id) => kinds.map((kind) => [id, kind])),
    );
    expect(logged.every((e) => JSON.parse(e.data).reason === "forbidden")).toBe(true);
    expect(await db.auditEvent.count()).toBe(audit);
  });

  it("a supervisor opening a person of another organization by id gets 404, and cannot act on them", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const other = await run(personLoader, makeRequest(`/es/vetting/${w.other.id}`, { cookie }), {
      lang: "es",
      userId: w.other.id,
    });
    expect(other.status).toBe(404);
    const missing = await run(personLoader, makeRequest(`/es/vetting/nobody`, { cookie }), {
      lang: "es",
      userId: "nobody",
    });
    expect(missing.status).toBe(404);
    const act = await run(
      personAction,
      makeRequest(`/es/vetting/${w.other.id}`, {
        cookie,
        form: { intent: "enrol", itemKind: "credential", itemId: "x" },
      }),
      { lang: "es", userId: w.other.id },
    );
    expect(act.status).toBe(404);
    expect(await db.enrolment.count()).toBe(0);
    const logged = await db.securityEvent.findMany({
      orderBy: { at: "asc" },
      select: { kind: true, actorId: true, subject: true, data: true },
    });
    expect(logged.map((e) => [e.kind, e.actorId, e.subject, JSON.parse(e.data).reason])).toEqual(
      [`user:${w.other.id}`, "user:nobody", `user:${w.other.id}`].map((subject) => [
        "vetting.person.refused",
        w.supervisor.id,
        subject,
        "notFound",
      ]),
    );
    const own = await run(personLoader, makeRequest(`/es/vetting/${w.cleared.id}`, { cookie }), {
      lang: "es",
      userId: w.cleared.id,
    });
    expect(own.status).toBe(200);
  });
});

describe("vetting dashboard: figures against the data", () => {
  it("counts, rows and filters cover the supervisor's organization only", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const all = (await run(dashboardLoader, makeRequest("/es/vetting", { cookie }), { lang: "es" })).data as Dashboard;
    expect(all.view.counts).toEqual({ failed: 0, lapsed: 1, pending: 1, expiring: 1, cleared: 1 });
    expect(all.view.total).toBe(4);
    expect(all.view.rows.map((r) => r.name)).not.toContain("Otto Other");
    // Sorted by status: most urgent first.
    expect(all.view.rows.map((r) => r.status)).toEqual(["lapsed", "pending", "expiring", "cleared"]);
    const expiring = (
      await run(dashboardLoader, makeRequest("/es/vetting?status=expiring", { cookie }), { lang: "es" })
    ).data as Dashboard;
    expect(expiring.view.rows).toHaveLength(1);
    expect(expiring.view.rows[0]!.name).toBe("=Beto Expiring");
    expect(expiring.view.rows[0]!.reasons.join(" ")).toContain("vence el");
    expect(expiring.view.rows[0]!.credentials).toHaveLength(1);
    // Counts keep every filter but status.
    expect(expiring.view.counts.cleared).toBe(1);
    const us = (await run(dashboardLoader, makeRequest("/es/vetting?country=US", { cookie }), { lang: "es" }))
      .data as Dashboard;
    expect(us.view.total).toBe(0);
    // An organization outside the caller's, named in the URL, matches nothing.
    const b = (await run(dashboardLoader, makeRequest(`/es/vetting?org=${w.b.id}`, { cookie }), { lang: "es" }))
      .data as Dashboard;
    expect(b.view.total).toBe(0);
  });

  it("the outlook counts each person in the month their requirement lapses, with the reason", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const page = (await run(dashboardLoader, makeRequest("/en/vetting", { cookie }), { lang: "en" })).data as Dashboard;
    const months = page.view.outlook;
    expect(months.length).toBeGreaterThanOrEqual(6);
    expect(months.length).toBeLessThanOrEqual(7);
    // Only the expiring person's credential lapses within 180 days in org A (Otto's check is org B's).
    const month = w.at(40).toISOString().slice(0, 7);
    expect(months.reduce((n, m) => n + m.people, 0)).toBe(1);
    const hit = months.find((m) => m.month === month)!;
    expect(hit.people).toBe(1);
    expect(hit.items).toEqual(
      [{ label: "AML basics certificate", people: 1 }].map((x) => ({ ...x, label: expect.any(String) })),
    );
  });

  it("the CSV: the page's filters, every row, in Spanish, BOM, formulas defused", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const res = await exportLoader({
      request: makeRequest("/es/vetting/export?status=expiring", { cookie }),
      params: { lang: "es" },
      context: {},
    });
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Nombre,Correo electrónico,Organización,País,Perfil,Situación,Próximo vencimiento,Motivos,Credenciales vigentes",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=Beto Expiring");
    expect(lines[1]).toContain("México");
    expect(lines[1]).toContain("Agente de equipo conjunto");
    expect(lines[1]).toContain("Por vencer");
    const all = await (
      await exportLoader({
        request: makeRequest("/es/vetting/export", { cookie }),
        params: { lang: "es" },
        context: {},
      })
    ).text();
    expect(all.trim().split("\r\n")).toHaveLength(5);
    expect(all).not.toContain("Otto Other");
  });
});

describe("vetting dashboard: acting on a lapse", () => {
  it("a reminder now goes through the reminder queue once a day; enrolment adds the achievement's courses", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const page = (
      await run(personLoader, makeRequest(`/es/vetting/${w.expiring.id}`, { cookie }), {
        lang: "es",
        userId: w.expiring.id,
      })
    ).data as { actions: { itemKind: string; itemId: string; lapsed: boolean; canEnrol: boolean }[] };
    expect(page.actions).toHaveLength(1);
    const item = page.actions[0]!;
    expect(item).toMatchObject({ itemKind: "credential", lapsed: false, canEnrol: true });
    const post = (intent: string) =>
      run(
        personAction,
        makeRequest(`/es/vetting/${w.expiring.id}`, {
          cookie,
          form: { intent, itemKind: item.itemKind, itemId: item.itemId },
        }),
        { lang: "es", userId: w.expiring.id },
      );
    expect((await post("remind")).location).toContain("done=reminded");
    expect((await post("remind")).location).toContain("done=remindedAlready");
    expect(await db.vettingReminder.count()).toBe(1);
    expect(await db.mailOutbox.count({ where: { kind: "vetting-reminder", userId: w.expiring.id } })).toBe(1);
    expect((await post("enrol")).location).toContain("done=enrolled");
    expect(await db.enrolment.findMany({ where: { userId: w.expiring.id }, select: { courseId: true } })).toEqual([
      { courseId: "aml-basics" },
    ]);
    expect((await post("enrol")).location).toContain("done=enrolledAlready");
    // An item id of someone else, or made up: nothing happens.
    const forged = await run(
      personAction,
      makeRequest(`/es/vetting/${w.expiring.id}`, {
        cookie,
        form: { intent: "remind", itemKind: "credential", itemId: "forged" },
      }),
      { lang: "es", userId: w.expiring.id },
    );
    expect(forged.location).toContain("done=noSuchItem");
    expect(await db.vettingReminder.count()).toBe(1);
  });
});

describe("the supervisor's home", () => {
  it("shows readiness at a glance and who lapses next, from their own organizations only", async () => {
    const w = await world();
    const cookie = await sessionCookie(w.supervisor.id);
    const home = await run(homeLoader, makeRequest("/es", { cookie }), { lang: "es" });
    expect(home.status).toBe(200);
    const readiness = (
      home.data as {
        work: {
          readiness: {
            total: number;
            counts: { status: string; count: number; href: string }[];
            next: { name: string; href: string; reasons: string }[];
            nextTotal: number;
          } | null;
        };
      }
    ).work.readiness!;
    // Org b's person is not counted: the supervisor holds the role in org a only.
    expect(readiness.total).toBe(4);
    expect(Object.fromEntries(readiness.counts.map((c) => [c.status, c.count]))).toEqual({
      failed: 0,
      lapsed: 1,
      pending: 1,
      expiring: 1,
      cleared: 1,
    });
    expect(readiness.counts.find((c) => c.status === "expiring")?.href).toBe("/es/vetting?status=expiring");
    expect(readiness.nextTotal).toBe(1);
    expect(readiness.next.map((r) => [r.name, r.href])).toEqual([["=Beto Expiring", `/es/vetting/${w.expiring.id}`]]);
    expect(readiness.next[0]?.reasons).toMatch(/vence/);

    // A learner's home has no readiness section.
    const learnerHome = await run(homeLoader, makeRequest("/es", { cookie: await sessionCookie(w.learner.id) }), {
      lang: "es",
    });
    expect((learnerHome.data as { work: { readiness: unknown } }).work.readiness).toBeNull();
  });
});
