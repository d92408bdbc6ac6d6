// A second OS process holding a lock on a SQLite file, the way a CLI command, a second server
// or a backup would: `node sqlite-lock-holder.mjs <file> <ms> [write|read]`.
// write: BEGIN IMMEDIATE (the write lock). read: an open read transaction (a SHARED lock,
// which blocks a COMMIT in rollback-journal mode). Prints "locked" once held, then waits
// <ms>, rolls back and exits. Killing it releases the lock too, as the OS drops its locks.
import Database from "better-sqlite3";

const [file, ms, mode = "write"] = process.argv.slice(2);
const db = new Database(file, { timeout: 0 });
if (mode === "read") {
  db.prepare("BEGIN").run();
  db.prepare("SELECT count(*) FROM sqlite_master").get();
} else {
  db.prepare("BEGIN IMMEDIATE").run();
}
console.log("locked");
setTimeout(() => {
  db.prepare("ROLLBACK").run();
  db.close();
}, Number(ms));
