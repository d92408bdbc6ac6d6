// The only file that imports lucia. Sessions live in the database (Session table) so any
// app server can validate them; the cookie holds only the session id.
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { secureCookies } from "~/env.server.ts";
import { db, readRows, type RawRead } from "~/modules/db/index.server.ts";
import { SECOND_FACTOR_ROLES } from "./permissions.ts";

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

type SessionAttributes = { secondFactorAt: Date | null; createdAt: Date };

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

const sessionSelect = { id: true, userId: true, expiresAt: true, secondFactorAt: true, createdAt: true } as const;

// Constants of the code, not input: safe to write into the statement.
const roleList = SECOND_FACTOR_ROLES.map((r) => `'${r}'`).join(", ");

// Every signed-in request validates its session: one prepared statement for session and user
// instead of two Prisma queries (Prisma's cost per query is most of a page's database time).
// PostgreSQL's timestamp(3) columns hold UTC without a zone; AT TIME ZONE 'UTC' hands pg a
// timestamptz, so the Date it makes does not depend on the server's time zone.
// The same statement says whether the account must give a second factor (its roles as they
// are now, so a role granted mid-session takes effect only after the second factor).
const sessionAndUser: RawRead = {
  sqlite: `SELECT s.id, s.userId, s.expiresAt, s.secondFactorAt, s.createdAt, u.email, u.name, u.language,
                  u.timeZone, u.isPlatformAdmin, u.emailVerifiedAt, u.deactivatedAt,
                  EXISTS (SELECT 1 FROM Membership m JOIN MembershipRole r ON r.membershipId = m.id
                           WHERE m.userId = u.id AND r.role IN (${roleList})) AS secondFactorRole,
                  EXISTS (SELECT 1 FROM SecondFactor f WHERE f.userId = u.id AND f.confirmedAt IS NOT NULL)
                    AS secondFactorEnrolled
             FROM Session s JOIN User u ON u.id = s.userId WHERE s.id = ?`,
  postgresql: `SELECT s."id", s."userId", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
                      s."secondFactorAt" AT TIME ZONE 'UTC' AS "secondFactorAt",
                      s."createdAt" AT TIME ZONE 'UTC' AS "createdAt", u."email", u."name",
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
      attributes: { secondFactorAt: toDateOrNull(row.secondFactorAt), createdAt: toDate(row.createdAt) },
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
    return rows.map(({ secondFactorAt, createdAt, ...r }) => ({ ...r, attributes: { secondFactorAt, createdAt } }));
  },
  async setSession(session) {
    await db.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        secondFactorAt: session.attributes.secondFactorAt,
        createdAt: session.attributes.createdAt,
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

export const lucia = new Lucia(adapter, {
  // Sliding expiry: lucia extends a session used in the second half of its life.
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: {
    name: "puente_session",
    attributes: { secure: secureCookies, sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
  getSessionAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<UserRow, "id">;
    DatabaseSessionAttributes: SessionAttributes;
  }
}
