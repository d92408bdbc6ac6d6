// Runs in the test worker before each test file: points the app modules the fixtures import
// (sessions, factories) at the same database and mail folder as the server under test.
import { inject } from "vitest";

const { baseUrl, databaseUrl, mailDir, issuerKeys } = inject("e2e");
process.env.DATABASE_URL = databaseUrl;
process.env.MAIL_DIR = mailDir;
process.env.APP_URL = baseUrl;
process.env.ISSUER_KEYS_FILE = issuerKeys;
