// Multi-row INSERTs for the import's hot path. Measured on SQLite (December 2026, loaded
// machine): Prisma's createMany spent ~0.2–0.4 ms of CPU per row (its query compiler runs in
// WebAssembly), one parameterised INSERT … VALUES (…),(…) ~0.04 ms — and a 10,000-row import
// writes ~90,000 rows. Table and column names come from this module only, never from input;
// values are always bound parameters. Written for both providers (placeholders differ).
import { databaseUrl, providerOf, type Db, type Tx } from "~/modules/db/index.server.ts";

type Value = string | number | boolean | Date | null;

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
const MAX_PARAMS = 30_000;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

export async function insertRows(client: Db | Tx, table: string, rows: Record<string, Value>[]): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  if (!IDENTIFIER.test(table) || !columns.every((c) => IDENTIFIER.test(c)))
    throw new Error(`bad identifier in ${table}`);
  const postgres = providerOf(databaseUrl()) === "postgresql";
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: Value[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((c) => {
        params.push(row[c] ?? null);
        return postgres ? `$${params.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    inserted += await client.$executeRawUnsafe(head + tuples.join(", "), ...params);
  }
  return inserted;
}
