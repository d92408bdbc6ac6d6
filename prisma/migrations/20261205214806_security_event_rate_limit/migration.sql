-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SecurityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "subject" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "window" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_SecurityEvent" ("actorId", "at", "data", "id", "kind", "subject") SELECT "actorId", "at", "data", "id", "kind", "subject" FROM "SecurityEvent";
DROP TABLE "SecurityEvent";
ALTER TABLE "new_SecurityEvent" RENAME TO "SecurityEvent";
CREATE UNIQUE INDEX "SecurityEvent_window_key" ON "SecurityEvent"("window");
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

