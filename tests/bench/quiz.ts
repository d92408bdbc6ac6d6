// Quiz submissions per second on SQLite and (when reachable) PostgreSQL, each on a fresh
// migrated database, each in its own process (tests/bench/quiz-worker.ts).
import path from "node:path";
import pg from "pg";
import { migrate, runWithDatabase } from "./server.ts";

export type QuizFigures = {
  provider: "sqlite" | "postgresql";
  learners: number;
  concurrency: number;
  startsPerSecond: number;
  submitsPerSecond: number;
  learnersPerSecond: number;
};

export type QuizRun = QuizFigures | { provider: "sqlite" | "postgresql"; skipped: string };

function work(databaseUrl: string): QuizFigures {
  const out = runWithDatabase(["--import", "tsx", "tests/bench/quiz-worker.ts"], databaseUrl);
  const line = out.split("\n").find((l) => l.startsWith("{"));
  if (!line) throw new Error(`quiz worker printed no result:\n${out}`);
  return JSON.parse(line) as QuizFigures;
}

export function quizOnSqlite(workDir: string): QuizRun {
  const url = `file:${path.join(workDir, "quiz.db")}`;
  migrate(url);
  return work(url);
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** TEST_PG_URL (an admin connection), else the local default; skipped when nothing answers. */
export async function quizOnPostgres(runId: string): Promise<QuizRun> {
  const adminUrl = process.env.TEST_PG_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    await adminQuery(adminUrl, "SELECT 1");
  } catch (error) {
    return { provider: "postgresql", skipped: `PostgreSQL not reachable (${(error as Error).message})` };
  }
  const name = `puente_bench_${runId}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  try {
    migrate(url.toString());
    return work(url.toString());
  } finally {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
