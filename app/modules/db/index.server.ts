export { db, databaseIsUp, type Db } from "./db.server.ts";
export { databaseUrl, providerOf } from "./adapter.server.ts";
