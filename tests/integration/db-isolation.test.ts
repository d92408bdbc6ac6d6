import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { createUser, resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("database isolation", () => {
  it("a query outside a transaction neither sees its uncommitted rows nor is undone by its rollback", async () => {
    const a = await createUser({ name: "Before A" });
    const b = await createUser({ name: "Before B" });
    const tx = db.$transaction(async (t) => {
      await t.user.update({ where: { id: a.id }, data: { name: "UNCOMMITTED" }, select: { id: true } });
      await sleep(200);
      throw new Error("rollback on purpose");
    });
    await sleep(50);
    const seen = await db.user.findUnique({ where: { id: a.id }, select: { name: true } });
    await db.user.update({ where: { id: b.id }, data: { name: "OUTSIDE" }, select: { id: true } });
    await expect(tx).rejects.toThrow("rollback on purpose");
    expect(seen?.name).toBe("Before A");
    expect((await db.user.findUnique({ where: { id: a.id }, select: { name: true } }))?.name).toBe("Before A");
    expect((await db.user.findUnique({ where: { id: b.id }, select: { name: true } }))?.name).toBe("OUTSIDE");
  });
});
