// What a refused request must not change: the row count of every table (read from the
// database's catalog, so a new model is covered without an edit), plus the audit chain's head,
// which every audited change (cohort, role, check, credential, agreement...) moves, updates too.
import { databaseUrl, db, providerOf } from "~/modules/db/index.server.ts";

// Bookkeeping a refusal may write on purpose: the caller's own session (touched or created by
// the test), rate-limit counters and sign-in attempts, and the security log that records refusals.
const BOOKKEEPING = new Set(["Session", "RateLimitEvent", "LoginAttempt", "SecurityEvent", "_prisma_migrations"]);

let tables: string[] | undefined;

async function tableNames(): Promise<string[]> {
  if (providerOf(databaseUrl()) === "postgresql") {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    );
    return rows.map((r) => r.name);
  }
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  return rows.map((r) => r.name);
}

export async function domainCounts(): Promise<Record<string, number | string>> {
  tables ??= (await tableNames()).filter((t) => !BOOKKEEPING.has(t)).sort();
  const sql = tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number | bigint }[]>(sql);
  const head = await db.auditHead.findUnique({ where: { id: 1 }, select: { lastHash: true } });
  return { ...Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])), auditHead: head?.lastHash ?? "" };
}
