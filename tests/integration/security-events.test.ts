// The security log is rate-limited per actor (or IP) and kind per minute: a flood keeps its
// first few rows and the count of the rest, never more rows. Runs on SQLite and, with
// TEST_PG_URL, on PostgreSQL (where the concurrent refusals really run in parallel).
import { beforeEach, describe, expect, it } from "vitest";
import {
  recordSecurityEvent,
  SECURITY_EVENTS_PER_MINUTE,
  securityWindowKey,
  suppressedIn,
} from "~/modules/audit/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const T0 = new Date("2026-03-02T10:00:05Z");
const refusal = (actorId: string | null, kind = "vetting.record.refused", ip?: string) => ({
  kind,
  actorId,
  subject: "user:someone",
  data: { reason: "otherOrg" },
  ...(ip ? { ip } : {}),
});
const rows = (where: { kind?: string; actorId?: string | null } = {}) =>
  db.securityEvent.findMany({
    where,
    orderBy: { at: "asc" },
    select: { kind: true, actorId: true, window: true, attempts: true, data: true },
  });

describe("security log rate limit", () => {
  it("keeps the first events of a minute as rows and counts the rest on the window's row", async () => {
    for (let i = 0; i < 25; i++) await recordSecurityEvent(refusal("actor-a"), new Date(T0.getTime() + i * 1000));
    const kept = await rows();
    expect(kept).toHaveLength(SECURITY_EVENTS_PER_MINUTE);
    const windowRows = kept.filter((r) => r.window);
    expect(windowRows).toHaveLength(1);
    expect(windowRows[0]!.window).toBe(securityWindowKey(refusal("actor-a"), T0));
    expect(windowRows[0]!.attempts).toBe(25);
    expect(suppressedIn(windowRows[0]!)).toBe(25 - SECURITY_EVENTS_PER_MINUTE);
    expect(JSON.parse(kept[0]!.data)).toEqual({ reason: "otherOrg" });
  });

  it("limits each actor and kind on its own, and opens a new window each minute", async () => {
    for (let i = 0; i < 12; i++) {
      await recordSecurityEvent(refusal("actor-a"), T0);
      await recordSecurityEvent(refusal("actor-b"), T0);
      await recordSecurityEvent(refusal("actor-a", "vetting.dashboard.refused"), T0);
    }
    await recordSecurityEvent(refusal("actor-a"), new Date(T0.getTime() + 60_000));
    expect(await rows({ actorId: "actor-b" })).toHaveLength(SECURITY_EVENTS_PER_MINUTE);
    expect(await rows({ kind: "vetting.dashboard.refused" })).toHaveLength(SECURITY_EVENTS_PER_MINUTE);
    const a = await rows({ actorId: "actor-a", kind: "vetting.record.refused" });
    expect(a).toHaveLength(SECURITY_EVENTS_PER_MINUTE + 1);
    expect(a.filter((r) => r.window).map((r) => r.attempts)).toEqual([12, 1]);
  });

  it("keys refusals without an actor by IP, and keeps the IP", async () => {
    for (let i = 0; i < 15; i++) await recordSecurityEvent(refusal(null, "x.refused", "203.0.113.9"), T0);
    await recordSecurityEvent(refusal(null, "x.refused", "198.51.100.4"), T0);
    const kept = await rows({ actorId: null });
    expect(kept).toHaveLength(SECURITY_EVENTS_PER_MINUTE + 1);
    expect(
      kept
        .filter((r) => r.window)
        .map((r) => r.attempts)
        .sort(),
    ).toEqual([1, 15]);
    expect(JSON.parse(kept[0]!.data)).toMatchObject({ ip: expect.any(String) });
  });

  it("counts every attempt of a concurrent flood and writes no more rows than the limit", async () => {
    await Promise.all(Array.from({ length: 40 }, () => recordSecurityEvent(refusal("actor-c"), T0)));
    const kept = await rows({ actorId: "actor-c" });
    expect(kept).toHaveLength(SECURITY_EVENTS_PER_MINUTE);
    expect(kept.filter((r) => r.window).map((r) => r.attempts)).toEqual([40]);
  });
});

describe("security log subjects", () => {
  it("stores a subject with a lone surrogate, a NUL or 100 KB of text (an id from a hostile URL) instead of failing", async () => {
    // Found by the hostile-input suite on PostgreSQL: a refused look at `/vetting/<id>` with a
    // lone surrogate in the id answered 500 (Prisma's JSON error), as did a NUL.
    for (const [i, subject] of [
      "user:a\ud800b",
      "user:a\udc00",
      "user:a\u0000b",
      `user:${"x".repeat(100_000)}`,
    ].entries()) {
      await recordSecurityEvent({ ...refusal(null, "vetting.person.refused", `10.0.0.${i}`), subject }, T0);
    }
    const rows = await db.securityEvent.findMany({ select: { subject: true }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.subject.slice(0, 12))).toEqual([
      "user:a\ufffdb",
      "user:a\ufffd",
      "user:a\ufffdb",
      "user:xxxxxxx",
    ]);
    expect(Math.max(...rows.map((r) => r.subject.length))).toBeLessThanOrEqual(500);
  });
});
