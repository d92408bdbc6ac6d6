// The holder's page, the "confirm the name to view" switch, the PDF certificate and the
// LinkedIn link: each for the signed-in holder's own credentials only.
import { describe, expect, it } from "vitest";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { currentCredentialsOf, holderCards, revokeCredential } from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as holderAction, loader as holderLoader } from "~/routes/$lang.credentials._index/route.tsx";
import { loader as pdfLoader } from "~/routes/$lang.credentials.$file/route.ts";
import { loader as verifyLoader } from "~/routes/verify.$id/route.tsx";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { QUIZ, setUpLearningTests } from "./learning-fixture.ts";
import { earnThroughRoutes } from "./credentials-fixture.ts";

setUpLearningTests();

const NAME = "María José Pérez-Núñez de la Garza";

async function holder(name = NAME, lang: "en" | "es" = "es") {
  const user = await createUser({ language: lang, name });
  const cookie = await sessionCookie(user.id);
  await earnThroughRoutes(user.id, cookie, lang);
  const { id } = await db.credential.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
  return { user, cookie, id };
}

type Cards = Awaited<ReturnType<typeof holderCards>>;

async function page(cookie: string | null, lang = "es") {
  return run(holderLoader, makeRequest(`/${lang}/credentials`, { cookie }), { lang });
}

async function pdf(cookie: string | null, id: string, paper = "a4", lang = "es") {
  const file = `${id}.pdf`;
  let response: Response;
  try {
    response = (await pdfLoader({
      request: makeRequest(`/${lang}/credentials/${file}?paper=${paper}`, { cookie }),
      params: { lang, file },
      context: {},
    })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("holder's page /{lang}/credentials", () => {
  it("lists the signed-in person's own credentials only, with links, QR and LinkedIn", async () => {
    const a = await holder();
    const b = await holder("Otra Persona Distinta", "en");
    const result = await page(a.cookie);
    expect(result.status).toBe(200);
    expect(result.headers.get("Cache-Control")).toBe("private, no-store");
    const cards = (result.data as { credentials: Cards }).credentials;
    expect(cards.map((c) => c.id)).toEqual([a.id]);
    const [card] = cards;
    expect(card!.state).toBe("valid");
    expect(card!.urls.verify).toMatch(new RegExp(`/verify/${a.id}$`));
    expect(card!.urls.json).toMatch(new RegExp(`/credentials/${a.id}\\.json$`));
    expect(card!.urls.pdfA4).toBe(`/es/credentials/${a.id}.pdf?paper=a4`);
    expect(card!.urls.pdfLetter).toBe(`/es/credentials/${a.id}.pdf?paper=letter`);
    expect(card!.qr.size).toBeGreaterThanOrEqual(21);
    expect(card!.qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);
    // Recertification: the window and what it requires, before the window opens.
    expect(card!.recertify).toMatchObject({ windowDays: 90, open: false, left: null });
    expect(card!.recertify!.requires.map((q) => q.id)).toEqual([QUIZ]);

    // LinkedIn's add-to-profile parameters.
    const linkedIn = new URL(card!.urls.linkedIn);
    expect(`${linkedIn.origin}${linkedIn.pathname}`).toBe("https://www.linkedin.com/profile/add");
    const row = await db.credential.findUniqueOrThrow({
      where: { id: a.id },
      select: { issuedAt: true, validUntil: true },
    });
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: card!.name,
      organizationName: "Puente",
      issueYear: String(row.issuedAt.getUTCFullYear()),
      issueMonth: String(row.issuedAt.getUTCMonth() + 1),
      expirationYear: String(row.validUntil.getUTCFullYear()),
      expirationMonth: String(row.validUntil.getUTCMonth() + 1),
      certUrl: card!.urls.verify,
      certId: a.id,
    });

    // The other holder sees only theirs; no account → the sign-in page.
    const other = (await page(b.cookie, "en")).data as { credentials: Cards };
    expect(other.credentials.map((c) => c.id)).toEqual([b.id]);
    const anonymous = await page(null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/\/es\/login/);
  }, 60_000);

  it("says how to earn one when the person holds none", async () => {
    const user = await createUser({ language: "en" });
    const result = await page(await sessionCookie(user.id), "en");
    expect((result.data as { credentials: Cards }).credentials).toEqual([]);
  });

  it("inside the renewal window, lists the quizzes still to pass again", async () => {
    const a = await holder();
    const row = await db.credential.findUniqueOrThrow({ where: { id: a.id }, select: { validUntil: true } });
    const inWindow = new Date(row.validUntil.getTime() - 30 * 86_400_000);
    const [card] = await holderCards(a.user.id, "en", inWindow);
    expect(card!.state).toBe("expiring");
    expect(card!.recertify).toMatchObject({ open: true });
    expect(card!.recertify!.left!.map((q) => q.id)).toEqual([QUIZ]);
  }, 60_000);
});

describe("confirm the name to view", () => {
  it("switches on and off for the holder's own credential, audited; another person's id is a 404", async () => {
    const a = await holder();
    const b = await holder("Otra Persona Distinta", "en");
    const post = (cookie: string, id: string, value: string) =>
      run(
        holderAction,
        makeRequest("/es/credentials", { cookie, form: { credentialId: id, nameConfirmation: value } }),
        { lang: "es" },
      );
    const on = await post(a.cookie, a.id, "on");
    expect(on.status).toBe(302);
    expect(on.location).toBe(`/es/credentials?done=nameConfirmation#credential-${a.id}`);
    expect(
      (await db.credential.findUniqueOrThrow({ where: { id: a.id }, select: { nameConfirmation: true } }))
        .nameConfirmation,
    ).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { action: "credential.name-confirmation.on", subject: `credential:${a.id}`, actorId: a.user.id },
      }),
    ).toBe(1);
    // The public page now hides the name.
    const verify = await run(verifyLoader, makeRequest(`/verify/${a.id}?lang=es`), { id: a.id });
    expect((verify.data as { view: { holderName: string | null } }).view.holderName).toBeNull();

    // Someone else's credential: 404, nothing changed, nothing audited.
    const foreign = await post(a.cookie, b.id, "on");
    expect(foreign.status).toBe(404);
    expect(
      (await db.credential.findUniqueOrThrow({ where: { id: b.id }, select: { nameConfirmation: true } }))
        .nameConfirmation,
    ).toBe(false);
    expect(await db.auditEvent.count({ where: { subject: `credential:${b.id}`, action: { contains: "name" } } })).toBe(
      0,
    );
    // Malformed input: refused, nothing written.
    expect((await post(a.cookie, a.id, "maybe")).status).toBe(400);
    expect((await post(a.cookie, "not-an-id", "off")).status).toBe(404);

    const off = await post(a.cookie, a.id, "off");
    expect(off.status).toBe(302);
    expect(
      (await db.credential.findUniqueOrThrow({ where: { id: a.id }, select: { nameConfirmation: true } }))
        .nameConfirmation,
    ).toBe(false);
  }, 60_000);
});

describe("PDF certificate", () => {
  it("is bilingual, on A4 and US Letter, with the holder's name intact and the verification URL", async () => {
    const a = await holder();
    const [card] = await holderCards(a.user.id, "es");
    for (const [paper, size] of [
      ["a4", [595.28, 841.89]],
      ["letter", [612, 792]],
    ] as const) {
      const { response, bytes } = await pdf(a.cookie, a.id, paper);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Content-Disposition")).toMatch(
        new RegExp(`^attachment; filename="puente-aml-basics-certificate-${a.id.slice(0, 8)}-${paper}\\.pdf"$`),
      );
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      const { width, height } = doc.getPage(0).getSize();
      expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual(size);
      // The font is embedded (a subset of Lato), so accents print as written.
      const descriptors = doc.context
        .enumerateIndirectObjects()
        .map(([, object]) => object)
        .filter(
          (o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"),
        );
      expect(descriptors.length).toBe(2);
      for (const d of descriptors) {
        expect(d.get(PDFName.of("FontFile2"))).toBeDefined();
        expect(String(d.get(PDFName.of("FontName")))).toMatch(/^\/Lato-(Regular|Bold)/);
      }
      const text = await pdfText(bytes);
      expect(text).toContain(NAME);
      expect(text).toContain(card!.urls.verify);
      expect(text).toContain(card!.name); // Spanish edition
      expect(text).toContain(card!.otherName); // English edition
      expect(text).toContain("Certificate");
      expect(text).toContain("Certificado");
      expect(text).not.toMatch(/accredited|acreditad[oa]\b/i);
    }
  }, 60_000);

  it("is the holder's only: another person's id, a bad id or paper, a revoked credential or no session → no PDF", async () => {
    const a = await holder();
    const b = await holder("Otra Persona Distinta", "en");
    expect((await pdf(a.cookie, b.id)).response.status).toBe(404);
    expect((await pdf(a.cookie, "zzzzzzzzzzzzzzzzzzzzzzzzzz")).response.status).toBe(404);
    expect((await pdf(a.cookie, a.id, "tabloid")).response.status).toBe(404);
    const anonymous = (await pdf(null, a.id)).response;
    expect(anonymous.status).toBe(302);
    const admin = await createUser({ admin: true });
    expect((await revokeCredential({ id: admin.id, isPlatformAdmin: true }, a.id, { reason: "misconduct" })).ok).toBe(
      true,
    );
    expect((await pdf(a.cookie, a.id)).response.status).toBe(404);
    const [card] = await holderCards(a.user.id, "es");
    expect(card!.urls.pdfA4).toBeNull();
  }, 60_000);
});

describe("currentCredentialsOf", () => {
  it("counts valid and expiring credentials, per person, in one call", async () => {
    const a = await holder();
    const b = await holder("Otra Persona Distinta", "en");
    const c = await createUser();
    const now = new Date();
    const current = await currentCredentialsOf([a.user.id, b.user.id, c.id], now);
    expect(current.get(a.user.id)?.map((x) => [x.achievementId, x.state])).toEqual([
      ["aml-basics-certificate", "valid"],
    ]);
    expect(current.get(b.user.id)?.length).toBe(1);
    expect(current.get(c.id)).toBeUndefined();
    const row = await db.credential.findUniqueOrThrow({ where: { id: a.id }, select: { validUntil: true } });
    expect((await currentCredentialsOf([a.user.id], row.validUntil)).get(a.user.id)).toBeUndefined();
    expect(
      (await currentCredentialsOf([a.user.id], new Date(row.validUntil.getTime() - 86_400_000))).get(a.user.id)?.[0]
        ?.state,
    ).toBe("expiring");
    const admin = await createUser({ admin: true });
    await revokeCredential({ id: admin.id, isPlatformAdmin: true }, b.id, { reason: "misconduct" });
    expect((await currentCredentialsOf([b.user.id])).get(b.user.id)).toBeUndefined();
    expect((await currentCredentialsOf([])).size).toBe(0);
  }, 60_000);
});

describe("people tables count credentials", () => {
  it("the org admin's members list, person page and cohort table show each member's current credentials", async () => {
    const { orgWithAdmin, cohortOf } = await import("../helpers/orgs.ts");
    const membersPage = await import("~/routes/$lang.orgs.$orgId.members._index/route.tsx");
    const personPage = await import("~/routes/$lang.orgs.$orgId.members.$userId/route.tsx");
    const cohortPage = await import("~/routes/$lang.orgs.$orgId.cohorts.$cohortId._index/route.tsx");
    const org = await orgWithAdmin();
    const a = await holder();
    await db.membership.create({
      data: { userId: a.user.id, orgId: org.orgId, roles: { create: { role: "learner" } } },
    });
    const cohortId = await cohortOf(org.orgId, org.admin.id);
    await db.cohortMember.create({ data: { cohortId, userId: a.user.id, orgId: org.orgId } });
    const expected = [{ achievementId: "aml-basics-certificate", name: "Certificado de fundamentos de PLD" }];
    const pick = (list: { achievementId: string; name: string }[] | null | undefined) =>
      (list ?? []).map(({ achievementId, name }) => ({ achievementId, name }));

    const members = await run(
      membersPage.loader,
      makeRequest(`/es/orgs/${org.orgId}/members`, { cookie: org.cookie }),
      { lang: "es", orgId: org.orgId },
    );
    type Row = { userId: string; credentials: { achievementId: string; name: string }[] | null };
    const rows = (members.data as { members: Row[] }).members;
    expect(pick(rows.find((m) => m.userId === a.user.id)?.credentials)).toEqual(expected);
    expect(rows.find((m) => m.userId === org.admin.id)?.credentials).toEqual([]);

    const person = await run(
      personPage.loader,
      makeRequest(`/es/orgs/${org.orgId}/members/${a.user.id}`, { cookie: org.cookie }),
      { lang: "es", orgId: org.orgId, userId: a.user.id },
    );
    expect(pick((person.data as { person: Row }).person.credentials)).toEqual(expected);

    const cohort = await run(
      cohortPage.loader,
      makeRequest(`/es/orgs/${org.orgId}/cohorts/${cohortId}`, { cookie: org.cookie }),
      { lang: "es", orgId: org.orgId, cohortId },
    );
    const progressRows = (cohort.data as { progress: { rows: Row[] } }).progress.rows;
    expect(pick(progressRows.find((r) => r.userId === a.user.id)?.credentials)).toEqual(expected);
  }, 60_000);
});
