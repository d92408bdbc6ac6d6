import { describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { createMember, resetDatabase } from "../helpers/factories.ts";

describe("test database reset", () => {
  it("empties every table, including one the reset has never heard of", async () => {
    // Stands for a model added later: the reset must find it in the catalog by itself.
    await db.$executeRawUnsafe('CREATE TABLE "LaterModel" ("id" TEXT PRIMARY KEY)');
    await db.$executeRawUnsafe(`INSERT INTO "LaterModel" ("id") VALUES ('x')`);
    await createMember("org_admin");
    await resetDatabase();
    const later = await db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM "LaterModel"');
    expect(Number(later[0]!.n)).toBe(0);
    expect(await db.user.count()).toBe(0);
    expect(await db.organization.count()).toBe(0);
    expect(await db.membershipRole.count()).toBe(0);
  });
});
