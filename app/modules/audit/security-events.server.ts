// Refused attempts worth a second look, kept apart from the audit chain (which records
// changes only): ids only, and the IP of a refusal without an actor. Deleted after a year
// (maintenance/prune.server.ts, as the privacy notice says).
//
// Rate-limited so a flood of refusals can neither fill the disk nor slow requests, without
// losing count of it: per actor (or IP when nobody is signed in) and kind, each minute's first
// event holds the window's key and counts every attempt of that minute in `attempts` (one
// atomic increment per refusal); only the first SECURITY_EVENTS_PER_MINUTE get a row of their
// own. So a minute costs at most that many rows, and `attempts - SECURITY_EVENTS_PER_MINUTE`
// on the window's row is what was suppressed.
import { db } from "~/modules/db/index.server.ts";

export const SECURITY_EVENTS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

export type SecurityEventInput = {
  kind: string;
  actorId: string | null;
  subject: string;
  data?: Record<string, unknown>;
  /** The caller's IP: the rate limit's key when there is no actor (kept in `data` too). */
  ip?: string;
};

const errorCode = (error: unknown) =>
  typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;

/** The key of the minute `now` falls in, for this actor (or IP) and kind. */
export function securityWindowKey(input: Pick<SecurityEventInput, "kind" | "actorId" | "ip">, now: Date): string {
  const who = input.actorId ? `user:${input.actorId}` : `ip:${input.ip ?? "unknown"}`;
  const start = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS).toISOString();
  return `${input.kind}|${who}|${start}`;
}

// A subject names what was asked for, often an id straight from a URL: text an attacker chose.
// PostgreSQL refuses NUL and a lone surrogate cannot be sent to it, so a refusal would become a
// 500 there (found by the hostile-input suite); such characters are replaced, and the length capped.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const storableSubject = (subject: string) =>
  subject
    .slice(0, 500)
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\u0000/g, "\uFFFD");

export async function recordSecurityEvent(input: SecurityEventInput, now: Date = new Date()): Promise<void> {
  const window = securityWindowKey(input, now);
  const data = JSON.stringify(input.ip && !input.actorId ? { ...input.data, ip: input.ip } : (input.data ?? {}));
  const row = { kind: input.kind, actorId: input.actorId, subject: storableSubject(input.subject), data, at: now };
  // Two tries: a concurrent first event of the same window may win the create.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const counted = await db.securityEvent.update({
        where: { window },
        data: { attempts: { increment: 1 } },
        select: { attempts: true },
      });
      if (counted.attempts <= SECURITY_EVENTS_PER_MINUTE)
        await db.securityEvent.create({ data: row, select: { id: true } });
      return;
    } catch (error) {
      if (errorCode(error) !== "P2025") throw error; // P2025: no row for this window yet
    }
    try {
      await db.securityEvent.create({ data: { ...row, window }, select: { id: true } });
      return;
    } catch (error) {
      if (errorCode(error) !== "P2002") throw error; // another request opened the window first
    }
  }
}

/** What a window's flood amounted to: attempts beyond the ones kept as rows of their own. */
export const suppressedIn = (windowRow: { attempts: number }) =>
  Math.max(0, windowRow.attempts - SECURITY_EVENTS_PER_MINUTE);
