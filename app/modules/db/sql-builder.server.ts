import { databaseUrl, providerOf, type DatabaseProvider } from "./adapter.server.ts";
import { readRows } from "./db.server.ts";

let provider: DatabaseProvider | undefined;

/**
 * A read written once for both databases and run as a prepared statement (`readRows`): for a
 * statement whose shape depends on the request (filters, sort order), where a fixed `RawRead`
 * pair cannot be written in advance. Identifiers are double-quoted (valid in both dialects);
 * every value goes through `value` or `list`, never into the text, so the number of distinct
 * statements — each prepared once and kept — is bounded by the code's shapes, not by the data.
 */
export class SqlRead {
  readonly #pg = (provider ??= providerOf(databaseUrl())) === "postgresql";
  readonly #params: unknown[] = [];

  /** A bound value's placeholder. */
  value(v: unknown): string {
    this.#params.push(v);
    return this.#pg ? `$${this.#params.length}` : "?";
  }

  /** `IN (…)` over a list bound as ONE parameter, so lists of any length share a statement. */
  in(values: readonly string[]): string {
    return this.#pg
      ? `= ANY(${this.value([...values])}::text[])`
      : `IN (SELECT value FROM json_each(${this.value(JSON.stringify(values))}))`;
  }

  /**
   * A DateTime column as an instant: PostgreSQL's `timestamp` has no zone (the driver would
   * read it as local time); SQLite keeps ISO text. `asDate` converts what comes back.
   */
  instant(column: string): string {
    return this.#pg ? `(${column} AT TIME ZONE 'UTC')` : column;
  }

  rows<T>(sql: string): Promise<T[]> {
    return readRows<T>({ sqlite: sql, postgresql: sql }, this.#params);
  }
}

/** A date read by `SqlRead` (ISO text from SQLite, a Date from PostgreSQL). */
export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}
