-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VettingReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "itemKind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "lapsesOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitationId" TEXT,
    "reminderId" TEXT,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME
);
INSERT INTO "new_MailOutbox" ("attempts", "createdAt", "id", "invitationId", "jobId", "kind", "lastError", "leaseUntil", "notBefore", "sentAt", "userId") SELECT "attempts", "createdAt", "id", "invitationId", "jobId", "kind", "lastError", "leaseUntil", "notBefore", "sentAt", "userId" FROM "MailOutbox";
DROP TABLE "MailOutbox";
ALTER TABLE "new_MailOutbox" RENAME TO "MailOutbox";
CREATE UNIQUE INDEX "MailOutbox_reminderId_key" ON "MailOutbox"("reminderId");
CREATE INDEX "MailOutbox_sentAt_notBefore_idx" ON "MailOutbox"("sentAt", "notBefore");
CREATE INDEX "MailOutbox_jobId_sentAt_idx" ON "MailOutbox"("jobId", "sentAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "VettingReminder_key_key" ON "VettingReminder"("key");

-- CreateIndex
CREATE INDEX "VettingReminder_holderId_idx" ON "VettingReminder"("holderId");

