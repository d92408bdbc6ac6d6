// How long a session lives (docs/decisions/016-session-policy.md): an idle timeout and an
// absolute lifetime, shorter for accounts that must give a second factor (they see and change
// other people's records). Pure arithmetic over the session row; lucia.server.ts applies it.
import { env } from "~/env.server.ts";

export type SessionPolicy = { idleMs: number; absoluteMs: number };

const MINUTE = 60_000;

/**
 * Activity is written at most this often: a request within a minute of the last write changes
 * nothing in the database, so the idle clock is up to a minute behind (it can end a minute early,
 * never late).
 */
export const LAST_SEEN_WRITE_MS = MINUTE;

export function sessionPolicy(privileged: boolean, config = env): SessionPolicy {
  return privileged
    ? {
        idleMs: config.SESSION_PRIVILEGED_IDLE_MINUTES * MINUTE,
        absoluteMs: config.SESSION_PRIVILEGED_ABSOLUTE_HOURS * 60 * MINUTE,
      }
    : { idleMs: config.SESSION_IDLE_MINUTES * MINUTE, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE };
}

/** The limits as people read them (the account page). */
export function sessionLimits(privileged: boolean, config = env): { idleMinutes: number; absoluteHours: number } {
  return privileged
    ? { idleMinutes: config.SESSION_PRIVILEGED_IDLE_MINUTES, absoluteHours: config.SESSION_PRIVILEGED_ABSOLUTE_HOURS }
    : { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
}

/** The longest any session may live: the cookie's Max-Age. */
export function longestSessionMs(config = env): number {
  return Math.max(sessionPolicy(false, config).absoluteMs, sessionPolicy(true, config).absoluteMs);
}

type Times = { createdAt: Date; lastSeenAt: Date };

/** When the session ends unless it is used again before then. */
export function sessionDeadline(session: Times, policy: SessionPolicy): Date {
  return new Date(
    Math.min(session.lastSeenAt.getTime() + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs),
  );
}

/** Whether this request's activity is worth a write (the last one is a minute old or more). */
export function activityDue(session: Pick<Times, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_WRITE_MS;
}

/** Whether the session re-authenticated recently enough for a security-relevant change. */
export function recentlyReauthenticated(reauthAt: Date | null, now = new Date(), config = env): boolean {
  return reauthAt !== null && now.getTime() - reauthAt.getTime() < config.REAUTH_MINUTES * MINUTE;
}
