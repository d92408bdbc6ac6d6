// Where demo data may go. Demo accounts have a published password (one is a platform admin),
// so they belong only on the embedded database a newcomer gets from `npm start`, or wherever
// someone asks for them by name with PUENTE_DEMO=1.
import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath } from "~/modules/db/index.server.ts";

export const DEMO_EMAIL_DOMAIN = "demo.puente.test";

export type DemoPolicy =
  | { allowed: true }
  | { allowed: false; reason: "disabled" | "production" | "postgresql" | "otherFile" };

export function demoPolicy(env: NodeJS.ProcessEnv = process.env): DemoPolicy {
  const demo = (env.PUENTE_DEMO ?? "").trim().toLowerCase();
  if (demo === "1" || demo === "true") return { allowed: true };
  if (demo === "0" || demo === "false") return { allowed: false, reason: "disabled" };
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (providerOf(url) === "postgresql") return { allowed: false, reason: "postgresql" };
  if (sqliteFilePath(url) !== sqliteFilePath(DEFAULT_DATABASE_URL)) return { allowed: false, reason: "otherFile" };
  if (env.NODE_ENV === "production") return { allowed: false, reason: "production" };
  return { allowed: true };
}

export const DEMO_REFUSALS: Record<Exclude<DemoPolicy, { allowed: true }>["reason"], string> = {
  disabled: "PUENTE_DEMO=0 turns demo data off",
  production: "NODE_ENV=production",
  postgresql: "DATABASE_URL is a PostgreSQL database",
  otherFile: "DATABASE_URL is not the default file:./data/puente.db",
};
