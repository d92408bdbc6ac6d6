export {
  db,
  databaseStatus,
  newRowId,
  readRows,
  runWrite,
  sqlDate,
  type DatabaseStatus,
  type Db,
  type RawRead,
  type RawWrite,
  type Tx,
} from "./db.server.ts";
export { asDate, SqlRead } from "./sql-builder.server.ts";
export {
  createAdapterFactory,
  databaseUrl,
  DEFAULT_DATABASE_URL,
  providerOf,
  sqliteFilePath,
  type DatabaseProvider,
} from "./adapter.server.ts";
export {
  BUSY_RETRY_AFTER_SECONDS,
  DatabaseBusyError,
  isDatabaseBusy,
  RootClientInTransactionError,
} from "./errors.server.ts";
export { crashPoint, type CrashPointName } from "./crash-point.server.ts";
