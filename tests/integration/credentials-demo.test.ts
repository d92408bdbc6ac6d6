// The demo learner's credentials come from the real issuance path: one valid, one expiring
// within 60 days, one revoked, each verifiable on /verify.
import { beforeEach, describe, expect, it } from "vitest";
import { credentialsOf, verifyPage } from "~/modules/credentials/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { seedDemoData } from "~/modules/demo/index.server.ts";
import { resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

describe("demo credentials", () => {
  it("learner@demo.puente.test holds a valid, an expiring and a revoked credential", async () => {
    expect(await seedDemoData()).toBe(true);
    const learner = await db.user.findUniqueOrThrow({
      where: { email: "learner@demo.puente.test" },
      select: { id: true },
    });
    const held = await credentialsOf(learner.id);
    expect(held.map((c) => c.state).sort()).toEqual(["expiring", "revoked", "valid"]);
    for (const credential of held) {
      const page = await verifyPage(credential.id, "es");
      expect(page!.verdict.state).toBe(credential.state);
      expect(page!.verdict.authentic).toBe(true);
    }
    // Issued by the one path: each has its audit event (the demo's finished students earn theirs
    // through the same path, so count the learner's own).
    const subjects = held.map((c) => `credential:${c.id}`);
    expect(await db.auditEvent.count({ where: { action: "credential.issued", subject: { in: subjects } } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "credential.revoked", subject: { in: subjects } } })).toBe(1);
  }, 300_000);
});
