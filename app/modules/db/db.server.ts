import { PrismaClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client.ts";
import { createAdapterFactory, databaseUrl, providerOf } from "./adapter.server.ts";

// Both generated clients expose the same API for our one data model; the SQLite client's
// type stands for both so application code is written once.
export type Db = PrismaClient;

function createClient(): Db {
  const url = databaseUrl();
  const adapter = createAdapterFactory(url);
  if (providerOf(url) === "postgresql") {
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  return new PrismaClient({ adapter });
}

// Kept on globalThis so `remix dev` rebuilds reuse one connection pool.
const globalForDb = globalThis as unknown as { puenteDb?: Db };

export const db: Db = globalForDb.puenteDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.puenteDb = db;

export async function databaseIsUp(): Promise<boolean> {
  try {
    await db.user.count({ where: { id: "healthz" } });
    return true;
  } catch {
    return false;
  }
}
