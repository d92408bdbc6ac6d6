// Revocation, suspension and reinstatement: refusals change nothing and are logged as
// security events; the served status lists and the public verification page follow.
import { describe, expect, it } from "vitest";
import { decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import {
  makeDocumentLoader,
  UnknownDocumentError,
  forgetStatusLists,
  STATUS_LIST_SIZE,
} from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { loader as listLoader } from "~/routes/status-lists.$listId/route.ts";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify.$id/route.tsx";
import { action as adminAction } from "~/routes/$lang.admin.credentials.$credentialId/route.tsx";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { setUpLearningTests } from "./learning-fixture.ts";
import { earnThroughRoutes, fetchResource } from "./credentials-fixture.ts";

setUpLearningTests();

type Loader = Parameters<typeof fetchResource>[0];

async function issued(name = "José Luis Hernández Ochoa") {
  const user = await createUser({ language: "es", name });
  const cookie = await sessionCookie(user.id);
  await earnThroughRoutes(user.id, cookie, "es");
  const row = await db.credential.findFirstOrThrow({
    where: { userId: user.id },
    select: { id: true, revocationListId: true, suspensionListId: true, statusListIndex: true },
  });
  return { user, cookie, ...row };
}

async function listBit(listId: string, index: number) {
  const response = await fetchResource(listLoader as Loader, `/status-lists/${listId}`, { listId });
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toMatch(/max-age=(\d|[1-5]\d)$/);
  const json = response.json() as { credentialSubject: { encodedList: string; statusPurpose: string }; proof: unknown };
  const list = await decodeList({ encodedList: json.credentialSubject.encodedList });
  expect(list.length).toBeGreaterThanOrEqual(STATUS_LIST_SIZE);
  return { set: list.getStatus(index), purpose: json.credentialSubject.statusPurpose, signed: !!json.proof };
}

async function verifyState(id: string, headers: Record<string, string> = {}, ip = "198.51.100.1") {
  const result = await run(
    verifyLoader,
    makeRequest(`/verify/${id}`, { headers }),
    { id },
    { clientIp: ip, requestId: "t" },
  );
  return result;
}

const state = (result: Awaited<ReturnType<typeof verifyState>>) =>
  (result.data as { view: { verdict: { state: string } } }).view.verdict.state;

async function adminPost(cookie: string, id: string, form: Record<string, string>) {
  return run(adminAction, makeRequest(`/en/admin/credentials/${id}`, { cookie, form }), {
    lang: "en",
    credentialId: id,
  });
}

describe("status lists and the verification page", () => {
  it("revoke, suspend and reinstate show in the list and on /verify; refusals change nothing and are logged", async () => {
    const cred = await issued();
    const admin = await createUser({ admin: true });
    const adminCookie = await sessionCookie(admin.id);

    expect(state(await verifyState(cred.id))).toBe("valid");
    expect(await listBit(cred.revocationListId, cred.statusListIndex)).toEqual({
      set: false,
      purpose: "revocation",
      signed: true,
    });

    // Refused: not an admin; no reason; suspend then suspend again.
    const outsider = await sessionCookie((await createUser()).id);
    expect((await adminPost(outsider, cred.id, { intent: "suspend" })).status).toBe(403);
    expect((await adminPost(adminCookie, cred.id, { intent: "revoke", reason: "" })).status).toBe(400);
    expect((await adminPost(adminCookie, cred.id, { intent: "revoke", reason: "other", note: "  " })).status).toBe(400);
    const before = await db.credential.findUniqueOrThrow({
      where: { id: cred.id },
      select: { revokedAt: true, suspendedAt: true },
    });
    expect(before).toEqual({ revokedAt: null, suspendedAt: null });
    const events = await db.securityEvent.findMany({ select: { kind: true, actorId: true }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual([
      "credential.suspend.refused",
      "credential.revoke.refused",
      "credential.revoke.refused",
    ]);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "credential.revoke" } } })).toBe(0);

    // Suspend → the suspension list and /verify say so.
    expect((await adminPost(adminCookie, cred.id, { intent: "suspend", note: "under review" })).status).toBe(302);
    forgetStatusLists();
    expect((await listBit(cred.suspensionListId, cred.statusListIndex)).set).toBe(true);
    expect((await listBit(cred.revocationListId, cred.statusListIndex)).set).toBe(false);
    expect(state(await verifyState(cred.id))).toBe("suspended");

    // Reinstate → back to valid.
    expect((await adminPost(adminCookie, cred.id, { intent: "reinstate" })).status).toBe(302);
    forgetStatusLists();
    expect((await listBit(cred.suspensionListId, cred.statusListIndex)).set).toBe(false);
    expect(state(await verifyState(cred.id))).toBe("valid");

    // Revoke → revoked with its date; suspending a revoked credential is refused and logged.
    expect((await adminPost(adminCookie, cred.id, { intent: "revoke", reason: "misconduct", note: "x" })).status).toBe(
      302,
    );
    forgetStatusLists();
    expect((await listBit(cred.revocationListId, cred.statusListIndex)).set).toBe(true);
    const revoked = await verifyState(cred.id);
    expect(state(revoked)).toBe("revoked");
    expect((revoked.data as { view: { revokedOn: string | null } }).view.revokedOn).not.toBeNull();
    expect((await adminPost(adminCookie, cred.id, { intent: "suspend" })).status).toBe(400);
    expect(await db.securityEvent.count({ where: { kind: "credential.suspend.refused" } })).toBe(2);
    const audited = await db.auditEvent.findMany({
      where: { subject: `credential:${cred.id}` },
      select: { action: true },
      orderBy: { seq: "asc" },
    });
    expect(audited.map((a) => a.action)).toEqual([
      "credential.issued",
      "credential.suspended",
      "credential.reinstated",
      "credential.revoked",
    ]);
  });

  it("a changed list is served within the memo window without a restart", async () => {
    const cred = await issued("Ana Pérez");
    const admin = await createUser({ admin: true });
    expect((await listBit(cred.revocationListId, cred.statusListIndex)).set).toBe(false);
    await adminPost(await sessionCookie(admin.id), cred.id, { intent: "revoke", reason: "issued-in-error" });
    // The revoking process forgets its memo; a list read right after reflects the change.
    expect((await listBit(cred.revocationListId, cred.statusListIndex)).set).toBe(true);
  });

  it("unknown lists and credentials are 404; the verify page is noindex and in the reader's language", async () => {
    expect((await fetchResource(listLoader as Loader, "/status-lists/nope", { listId: "nope" })).status).toBe(404);
    expect(
      (await fetchResource(listLoader as Loader, "/status-lists/AAAAAAAAAAAA", { listId: "AAAAAAAAAAAA" })).status,
    ).toBe(404);
    expect((await verifyState("0123456789abcdefghjkmnpqrs")).status).toBe(404);
    expect((await verifyState("not-an-id")).status).toBe(404);

    const cred = await issued();
    const es = await verifyState(cred.id, { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
    expect((es.data as { lang: string }).lang).toBe("es");
    expect(es.headers.get("X-Robots-Tag")).toMatch(/noindex/);
    const en = await run(
      verifyLoader,
      makeRequest(`/verify/${cred.id}?lang=en`, { headers: { "Accept-Language": "es" } }),
      {
        id: cred.id,
      },
    );
    const view = en.data as {
      lang: string;
      view: { name: { en: string; es: string }; holderName: string; hours: number };
    };
    expect(view.lang).toBe("en");
    expect(view.view.name).toEqual({ en: "AML basics certificate", es: "Certificado de fundamentos de PLD" });
    expect(view.view.holderName).toBe("José Luis Hernández Ochoa");
    expect(view.view.hours).toBe(1);
  });

  it("a credential in 'confirm the name' mode shows the name only to a visitor who types it", async () => {
    const cred = await issued("María de los Ángeles Núñez Ibáñez");
    const { setNameConfirmation } = await import("~/modules/credentials/index.server.ts");
    expect(await setNameConfirmation(cred.user.id, cred.id, true)).toBe(true);
    const hidden = await verifyState(cred.id);
    expect((hidden.data as { view: { holderName: string | null } }).view.holderName).toBeNull();
    const post = (name: string) =>
      run(
        verifyAction,
        makeRequest(`/verify/${cred.id}`, { form: { name } }),
        { id: cred.id },
        { clientIp: "198.51.100.2", requestId: "t" },
      );
    expect((await post("Maria Nunez")).data).toEqual({ confirmed: false, holderName: null });
    expect((await post("maria de los angeles nunez ibanez")).data).toEqual({
      confirmed: true,
      holderName: "María de los Ángeles Núñez Ibáñez",
    });
    // The JSON names the holder too, so only the holder may fetch it now.
    const { fetchCredentialJson } = await import("./credentials-fixture.ts");
    expect((await fetchCredentialJson(cred.id)).status).toBe(404);
    expect((await fetchCredentialJson(cred.id, { Cookie: cred.cookie })).status).toBe(200);
  });

  it("limits verification requests per IP", async () => {
    const cred = await issued();
    const { env } = await import("~/env.server.ts");
    const limit = env.VERIFY_MAX_PER_IP;
    for (let i = 0; i < limit; i++) expect((await verifyState(cred.id, {}, "192.0.2.9")).status).toBe(200);
    const refused = await verifyState(cred.id, {}, "192.0.2.9");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect((await verifyState(cred.id, {}, "192.0.2.10")).status).toBe(200);
  });

  it("the document loader never fetches: an unknown URL throws", async () => {
    const loader = makeDocumentLoader();
    await expect(loader("https://example.com/context.json")).rejects.toBeInstanceOf(UnknownDocumentError);
    await expect(loader("https://www.w3.org/ns/credentials/v2")).resolves.toMatchObject({
      documentUrl: "https://www.w3.org/ns/credentials/v2",
    });
  });
});
