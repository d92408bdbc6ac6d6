// The only file that imports lucia. Sessions live in the database (Session table) so any
// app server can validate them; the cookie holds only the session id.
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { secureCookies } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";

const userSelect = {
  id: true,
  email: true,
  name: true,
  language: true,
  timeZone: true,
  isPlatformAdmin: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  language: string;
  timeZone: string;
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
  deactivatedAt: Date | null;
};

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

const sessionSelect = { id: true, userId: true, expiresAt: true } as const;

// The official Prisma adapter wants Prisma ≤ 5; this one is the same six calls.
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({
      where: { id: sessionId },
      select: { ...sessionSelect, user: { select: userSelect } },
    });
    if (!row) return [null, null];
    const session: DatabaseSession = { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    return [session, toDatabaseUser(row.user)];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId }, select: sessionSelect });
    return rows.map((r) => ({ ...r, attributes: {} }));
  },
  async setSession(session) {
    await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
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
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<UserRow, "id">;
  }
}
