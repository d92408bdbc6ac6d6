import { z } from "zod";

const booleanish = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  // Unset: where server.mjs listens (see defaultAppUrl).
  APP_URL: z.string().url().optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().positive().default(3000),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: booleanish,
  MAIL_FROM: z.string().default("Puente <no-reply@puente.test>"),
  MAIL_DIR: z.string().default("data/mail"),
  // Sign-in limits: see docs/decisions/004-sign-in-and-mail-rate-limits.md.
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  // Proxy hops or addresses; parsed and checked by server/guards.mjs (trustProxySetting).
  TRUST_PROXY: z.string().optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(50),
  LOGIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  // Wrong second-factor codes per account within LOGIN_WINDOW_MINUTES (per IP: LOGIN_MAX_FAILURES_PER_IP).
  SECOND_FACTOR_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  // Sessions (docs/decisions/016-session-policy.md): ended after this long without a request,
  // and this long after sign-in whatever the activity; shorter for accounts that must give a
  // second factor. Re-authentication opens security-relevant changes for REAUTH_MINUTES.
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SESSION_PRIVILEGED_IDLE_MINUTES: z.coerce.number().int().positive().default(15),
  SESSION_PRIVILEGED_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(8),
  REAUTH_MINUTES: z.coerce.number().int().positive().default(5),
  // Self-service mail (sign-up, password reset, verification, email change).
  MAIL_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  MAIL_MAX_PER_IP: z.coerce.number().int().positive().default(20),
  MAIL_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  PUENTE_DEMO: booleanish,
  // Answers arriving this long after a quiz deadline still count (network latency).
  QUIZ_GRACE_SECONDS: z.coerce.number().int().nonnegative().default(30),
  // Overrides every quiz's cool-down; for demos and browser tests only.
  QUIZ_COOLDOWN_SECONDS: z.coerce.number().int().nonnegative().optional(),
  // Invitations queued by roster imports are sent at most this many per minute (all servers).
  IMPORT_MAIL_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // Rows of roster imports (names, addresses from the file) are deleted this many days after
  // the import finished, or after an unconfirmed dry run was uploaded (privacy notice).
  IMPORT_ROW_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  // Public credential verification (/verify/:id): requests per IP per minute.
  VERIFY_MAX_PER_IP: z.coerce.number().int().positive().default(60),
});

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & { APP_URL: string };

const LOCAL_HOSTS = new Set(["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"]);

/**
 * The public origin when APP_URL is unset: the address server.mjs listens on (and prints),
 * so links in emails reach the running app whatever PORT it was given.
 */
export function defaultAppUrl(host: string, port: number): string {
  const name = LOCAL_HOSTS.has(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const { APP_URL, ...rest } = parsed.data;
  return { ...rest, APP_URL: (APP_URL ?? defaultAppUrl(rest.HOST, rest.PORT)).replace(/\/+$/, "") };
}

export const env: Env = load();

export const secureCookies = env.APP_URL.startsWith("https://");
