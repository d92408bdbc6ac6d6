// The only file that imports lucia. Sessions live in the database (Session table) so any
// app server can validate them; the cookie holds only the session id.
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser, type Session, type User } from "lucia";
import { env } from "~/env.server.ts";
import { db, readRows, runWrite, type RawRead, type RawWrite } from "~/modules/db/index.server.ts";
import { SECOND_FACTOR_ROLES } from "./permissions.ts";
import { activityDue, longestSessionMs, sessionDeadline, sessionPolicy } from "./session-policy.server.ts";

type UserRow = {
  id: string;
  email: string;
  name: string;
  language: string;
  timeZone: string;
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
  deactivatedAt: Date | null;
  /** Holds a role that needs a second factor, or is a platform admin (address verified or not). */
  secondFactorRole: boolean;
  /** Has confirmed an authenticator. */
  secondFactorEnrolled: boolean;
};

type SessionAttributes = { secondFactorAt: Date | null; createdAt: Date; lastSeenAt: Date; reauthAt: Date | null };

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

const sessionSelect = {
  id: true,
  userId: true,
  expiresAt: true,
  secondFactorAt: true,
  createdAt: true,
  lastSeenAt: true,
  reauthAt: true,
} as const;

// Constants of the code, not input: safe to write into the statement.
const roleList = SECOND_FACTOR_ROLES.map((r) => `'${r}'`).join(", ");

// Every signed-in request validates its session: one prepared statement for session and user
// instead of two Prisma queries (Prisma's cost per query is most of a page's database time).
// PostgreSQL's timestamp(3) columns hold UTC without a zone; AT TIME ZONE 'UTC' hands pg a
// timestamptz, so the Date it makes does not depend on the server's time zone.
// The same statement says whether the account must give a second factor (its roles as they
// are now, so a role granted mid-session takes effect only after the second factor).
const sessionAndUser: RawRead = {
  sqlite: `SELECT s.id, s.userId, s.expiresAt, s.secondFactorAt, s.createdAt, s.lastSeenAt, s.reauthAt,
                  u.email, u.name, u.language,
                  u.timeZone, u.isPlatformAdmin, u.emailVerifiedAt, u.deactivatedAt,
                  EXISTS (SELECT 1 FROM Membership m JOIN MembershipRole r ON r.membershipId = m.id
                           WHERE m.userId = u.id AND r.role IN (${roleList})) AS secondFactorRole,
                  EXISTS (SELECT 1 FROM SecondFactor f WHERE f.userId = u.id AND f.confirmedAt IS NOT NULL)
                    AS secondFactorEnrolled
             FROM Session s JOIN User u ON u.id = s.userId WHERE s.id = ?`,
  postgresql: `SELECT s."id", s."userId", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
                      s."secondFactorAt" AT TIME ZONE 'UTC' AS "secondFactorAt",
                      s."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
                      s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
                      s."reauthAt" AT TIME ZONE 'UTC' AS "reauthAt", u."email", u."name",
                      u."language", u."timeZone", u."isPlatformAdmin",
                      u."emailVerifiedAt" AT TIME ZONE 'UTC' AS "emailVerifiedAt",
                      u."deactivatedAt" AT TIME ZONE 'UTC' AS "deactivatedAt",
                      EXISTS (SELECT 1 FROM "Membership" m JOIN "MembershipRole" r ON r."membershipId" = m."id"
                               WHERE m."userId" = u."id" AND r."role" IN (${roleList})) AS "secondFactorRole",
                      EXISTS (SELECT 1 FROM "SecondFactor" f WHERE f."userId" = u."id" AND f."confirmedAt" IS NOT NULL)
                        AS "secondFactorEnrolled"
                 FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = $1`,
};

type SessionAndUserRow = Omit<
  UserRow,
  "id" | "isPlatformAdmin" | "emailVerifiedAt" | "deactivatedAt" | "email" | "secondFactorRole" | "secondFactorEnrolled"
> & {
  id: string;
  secondFactorAt: string | number | Date | null;
  createdAt: string | number | Date;
  lastSeenAt: string | number | Date;
  reauthAt: string | number | Date | null;
  secondFactorRole: boolean | number;
  secondFactorEnrolled: boolean | number;
  userId: string;
  email: string;
  expiresAt: string | number | Date;
  isPlatformAdmin: boolean | number;
  emailVerifiedAt: string | number | Date | null;
  deactivatedAt: string | number | Date | null;
};

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: string | number | Date | null) => (value === null ? null : toDate(value));

// The official Prisma adapter wants Prisma ≤ 5; this one is the same six calls.
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const [row] = await readRows<SessionAndUserRow>(sessionAndUser, [sessionId]);
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.userId,
      expiresAt: toDate(row.expiresAt),
      attributes: {
        secondFactorAt: toDateOrNull(row.secondFactorAt),
        createdAt: toDate(row.createdAt),
        lastSeenAt: toDate(row.lastSeenAt),
        reauthAt: toDateOrNull(row.reauthAt),
      },
    };
    return [
      session,
      toDatabaseUser({
        id: row.userId,
        email: row.email,
        name: row.name,
        language: row.language,
        timeZone: row.timeZone,
        isPlatformAdmin: Boolean(row.isPlatformAdmin),
        emailVerifiedAt: toDateOrNull(row.emailVerifiedAt),
        deactivatedAt: toDateOrNull(row.deactivatedAt),
        secondFactorRole: Boolean(row.secondFactorRole),
        secondFactorEnrolled: Boolean(row.secondFactorEnrolled),
      }),
    ];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId }, select: sessionSelect });
    return rows.map(({ secondFactorAt, createdAt, lastSeenAt, reauthAt, ...r }) => ({
      ...r,
      attributes: { secondFactorAt, createdAt, lastSeenAt, reauthAt },
    }));
  },
  async setSession(session) {
    await db.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        secondFactorAt: session.attributes.secondFactorAt,
        createdAt: session.attributes.createdAt,
        lastSeenAt: session.attributes.lastSeenAt,
        reauthAt: session.attributes.reauthAt,
        // The longer (unprivileged) deadline until the first activity is written: expiresAt is
        // only the bound the prune job deletes by; sessionState applies the account's policy.
        expiresAt: sessionDeadline(session.attributes, sessionPolicy(false)),
      },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

/**
 * The session cookie for an app served at `appUrl`. Over HTTPS it is `Secure` and carries the
 * `__Host-` prefix (the browser then refuses it unless Secure, Path=/ and no Domain: a
 * subdomain or a plain-http page cannot plant or overwrite it); over plain http (local
 * development, tests) neither would be accepted, so it is plain `puente_session`.
 */
export function createLucia(appUrl: string) {
  const secure = appUrl.startsWith("https://");
  return new Lucia(adapter, {
    // Sessions end by the policy (sessionState below); lucia's own sliding extension never
    // runs because nothing calls lucia.validateSession. The cookie lives as long as the
    // longest session may.
    sessionExpiresIn: new TimeSpan(Math.ceil(longestSessionMs() / 1000), "s"),
    sessionCookie: {
      name: secure ? "__Host-puente_session" : "puente_session",
      attributes: { secure, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

export const lucia = createLucia(env.APP_URL);

/** The session cookie as an app served at `appUrl` writes and reads it (tests, operations checks). */
export function sessionCookies(appUrl: string) {
  const instance = createLucia(appUrl);
  return {
    make: (sessionId: string) => instance.createSessionCookie(sessionId).serialize(),
    blank: () => instance.createBlankSessionCookie().serialize(),
    read: (cookieHeader: string) => instance.readSessionCookie(cookieHeader),
  };
}

export type SessionEnd = "idle" | "absolute" | "missing";

/**
 * The session and its user, or why it is over (then it is deleted). Applies the idle and
 * absolute limits of the account as it is now (privileged: must give a second factor), and
 * records activity at most once a minute, so a request costs no write most of the time.
 */
export async function sessionState(
  sessionId: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | { session: null; user: null; ended: SessionEnd }> {
  const [session, user] = await adapter.getSessionAndUser(sessionId);
  if (!session || !user) return { session: null, user: null, ended: "missing" };
  const { attributes } = user;
  const privileged = (attributes.secondFactorRole || attributes.isPlatformAdmin) && attributes.emailVerifiedAt !== null;
  const policy = sessionPolicy(privileged);
  const times = session.attributes;
  // The policy of the account as it is now decides, not expiresAt (written with the policy of the
  // last activity, it is the prune job's bound).
  if (now.getTime() >= times.createdAt.getTime() + policy.absoluteMs) {
    await adapter.deleteSession(session.id);
    return { session: null, user: null, ended: "absolute" };
  }
  if (now.getTime() >= times.lastSeenAt.getTime() + policy.idleMs) {
    await adapter.deleteSession(session.id);
    return { session: null, user: null, ended: "idle" };
  }
  let expiresAt = session.expiresAt;
  let lastSeenAt = times.lastSeenAt;
  if (activityDue(times, now)) {
    lastSeenAt = now;
    // expiresAt keeps the current deadline so the prune job (expiresAt <= now) finds ended sessions.
    expiresAt = sessionDeadline({ createdAt: times.createdAt, lastSeenAt: now }, policy);
    await runWrite(activityWrite, [now, expiresAt, session.id]);
  }
  return {
    session: { ...times, lastSeenAt, id: session.id, userId: session.userId, expiresAt, fresh: false },
    user: { ...attributes, id: user.id },
  };
}

// At most once a minute per session, but then on the request's path: one prepared statement.
const activityWrite: RawWrite = {
  sqlite: "UPDATE Session SET lastSeenAt = ?, expiresAt = ? WHERE id = ?",
  postgresql: 'UPDATE "Session" SET "lastSeenAt" = $1, "expiresAt" = $2 WHERE "id" = $3',
};

/** A new session's attributes. */
export function newSessionAttributes(now: Date, secondFactorGiven: boolean): SessionAttributes {
  return { secondFactorAt: secondFactorGiven ? now : null, createdAt: now, lastSeenAt: now, reauthAt: null };
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: Omit<UserRow, "id">;
    DatabaseSessionAttributes: SessionAttributes;
  }
}
