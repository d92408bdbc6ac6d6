import { defineConfig } from "prisma/config";
// Past the db module's entry on purpose: Prisma loads this configuration before the
// clients are generated, and the entry opens the app's client, which needs them.
// eslint-disable-next-line no-restricted-imports -- see above
import { createAdapterFactory, databaseUrl, providerOf } from "./app/modules/db/adapter.server.ts";

// Prisma's native engines cannot be downloaded on our machines: the CLI runs its JS schema
// engine over the same driver adapter as the app. Each provider has its own schema copy and
// migrations folder (see scripts/db/generate.mjs).
const provider = providerOf(databaseUrl());
const folder = provider === "postgresql" ? "prisma/postgres" : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
  // The CLI may wait longer than a web request for another process to release the lock.
  adapter: async () => createAdapterFactory(databaseUrl(), 30_000),
});
