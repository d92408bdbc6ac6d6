// Issuing through the real flow (lessons, then a passed quiz), fetching the credential over
// its route, validating it against the official Open Badges 3.0 schema and verifying its
// proof with a verifier that imports no application code.
import fs from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { db } from "~/modules/db/index.server.ts";
import { verifyProofIndependently, independentLoader } from "../helpers/vc-verify.ts";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { lastTokenFor, makeRequest, run } from "../helpers/routes.ts";
import { setUpLearningTests } from "./learning-fixture.ts";
import { loader as achievementLoader } from "~/routes/credentials.achievements.$file/route.ts";
import {
  ACHIEVEMENT,
  earnThroughRoutes,
  fetchCredentialJson,
  fetchDid,
  fetchResource,
  takeQuiz,
} from "./credentials-fixture.ts";

setUpLearningTests();

const schemaPath = path.resolve(
  __dirname,
  "../../../shared/standards/openbadges-3.0/achievementcredential.schema.json",
);
let validate: ReturnType<Ajv2019["compile"]>;
beforeAll(() => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
});

async function earned(lang: "en" | "es" = "es", name = "María José Pérez Gómez") {
  const user = await createUser({ language: lang, name });
  const cookie = await sessionCookie(user.id);
  await earnThroughRoutes(user.id, cookie, lang);
  const rows = await db.credential.findMany({ where: { userId: user.id }, select: { id: true, achievementId: true } });
  return { user, cookie, rows };
}

describe("issuing a credential through the real flow", () => {
  it("issues once the lessons are done and the quiz is passed, and the JSON validates and verifies", async () => {
    const { rows } = await earned("es");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.achievementId).toBe(ACHIEVEMENT);
    const id = rows[0]!.id;
    expect(id).toMatch(/^[0-9a-z]{26}$/);

    const response = await fetchCredentialJson(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/vc\+ld\+json/);
    const credential = response.json();

    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(Array.isArray(credential.proof)).toBe(true);
    const proof = (credential.proof as Record<string, string>[])[0]!;
    expect(proof.type).toBe("DataIntegrityProof");
    expect(proof.cryptosuite).toBe("eddsa-rdfc-2022");

    const subject = credential.credentialSubject as {
      identifier: { identityHash: string }[];
      achievement: {
        inLanguage: string;
        name: string;
        creditsAvailable: number;
        related: { inLanguage: string; id: string }[];
      };
    };
    expect(subject.identifier[0]!.identityHash).toBe("María José Pérez Gómez");
    expect(subject.achievement.inLanguage).toBe("es-MX");
    expect(subject.achievement.name).toBe("Certificado de fundamentos de PLD");
    expect(subject.achievement.creditsAvailable).toBe(1);
    expect(subject.achievement.related[0]!.inLanguage).toBe("en-US");

    const did = (await fetchDid()).json() as never;
    expect((await verifyProofIndependently(credential, did)).verified).toBe(true);

    // Each edition's achievement is published at its id.
    for (const [url, lang, name] of [
      [(subject.achievement as unknown as { id: string }).id, "es-MX", "Certificado de fundamentos de PLD"],
      [subject.achievement.related[0]!.id, "en-US", "AML basics certificate"],
    ] as const) {
      const file = new URL(url).pathname.split("/").pop()!;
      const edition = await fetchResource(achievementLoader as never, new URL(url).pathname, { file });
      expect(edition.status).toBe(200);
      expect(edition.json()).toMatchObject({ id: url, inLanguage: lang, name, creditsAvailable: 1 });
    }
  });

  it("does not issue before the quiz is passed, nor on a failed attempt", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const { enrolVia, complete } = await import("./learning-fixture.ts");
    await enrolVia(cookie);
    await complete(cookie, "laundering-stages");
    await complete(cookie, "cash-reports");
    expect(await db.credential.count()).toBe(0);
    await takeQuiz(user.id, cookie, false);
    expect(await db.credential.count()).toBe(0);
  });

  it("waits for a verified email address, and issues when it is verified", async () => {
    const user = await createUser({ verified: false });
    const cookie = await sessionCookie(user.id);
    await earnThroughRoutes(user.id, cookie);
    expect(await db.credential.count()).toBe(0);
    // The verification link, followed through the verify-email page, issues it.
    const { resendVerification } = await import("~/modules/auth/index.server.ts");
    const { loader: verifyEmailLoader } = await import("~/routes/$lang.verify-email/route.tsx");
    await resendVerification(user.id, "203.0.113.7");
    const token = await lastTokenFor(user.email, "verify-email");
    const page = await run(verifyEmailLoader, makeRequest(`/en/verify-email?token=${encodeURIComponent(token)}`), {
      lang: "en",
    });
    expect(page.status).toBe(200);
    const rows = await db.credential.findMany({ where: { userId: user.id }, select: { achievementId: true } });
    expect(rows).toEqual([{ achievementId: ACHIEVEMENT }]);
    // Idempotent: another call issues nothing more.
    const { awardEarnedCredentials } = await import("~/modules/credentials/index.server.ts");
    expect(await awardEarnedCredentials(user.id)).toEqual([]);
    expect(await db.credential.count()).toBe(1);
  });

  it("a credential signed with another key, or altered in one field, fails verification", async () => {
    const { rows } = await earned("en", "Ana Sofía Ruiz de la Torre");
    const credential = (await fetchCredentialJson(rows[0]!.id)).json();
    const did = (await fetchDid()).json() as { id: string; verificationMethod: { id: string }[] };

    const altered = structuredClone(credential) as { validUntil: string };
    altered.validUntil = "2099-01-01T00:00:00Z";
    expect((await verifyProofIndependently(altered, did)).verified).toBe(false);

    // Same content, signed by a stranger's key claiming to be the issuer's key.
    const stranger = await Ed25519Multikey.generate({ id: did.verificationMethod[0]!.id, controller: did.id });
    const { proof: _proof, ...unsigned } = credential;
    const forged = await vc.issue({
      credential: unsigned,
      suite: new DataIntegrityProof({ signer: stranger.signer(), cryptosuite }),
      documentLoader: independentLoader(did as never),
    });
    expect((await verifyProofIndependently({ ...forged, proof: [forged.proof] }, did)).verified).toBe(false);
  });

  it("answers 404 with no hint for unknown and malformed ids", async () => {
    const unknown = await fetchCredentialJson("0123456789abcdefghjkmnpqrs");
    const malformed = await fetchCredentialJson("../../etc/passwd");
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(unknown.text).toBe(malformed.text);
  });
});
