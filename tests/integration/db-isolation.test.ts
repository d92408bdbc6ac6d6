import { beforeEach, describe, expect, it } from "vitest";
import { db, RootClientInTransactionError } from "~/modules/db/index.server.ts";
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

  it("the root client inside a transaction callback throws at once instead of waiting for it", async () => {
    const a = await createUser({ name: "Before A" });
    const started = Date.now();
    const attempt = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: a.id }, data: { name: "CHANGED" }, select: { id: true } });
      return db.user.count();
    });
    await expect(attempt).rejects.toThrow(RootClientInTransactionError);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The transaction was rolled back and the connection is free again.
    expect((await db.user.findUnique({ where: { id: a.id }, select: { name: true } }))?.name).toBe("Before A");
    await expect(db.$transaction(async (tx) => db.$transaction(async () => tx.user.count()))).rejects.toThrow(
      RootClientInTransactionError,
    );
    expect(await db.user.count()).toBe(1);
  });
});
