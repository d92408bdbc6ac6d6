-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProfileAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "statusRank" INTEGER NOT NULL DEFAULT 2,
    "soonestLapse" DATETIME,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "lapses" TEXT NOT NULL DEFAULT '[]',
    "statusAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusUntil" DATETIME,
    "statusVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProfileAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProfileAssignment" ("assignedAt", "assignedById", "endedAt", "id", "orgId", "profileId", "userId") SELECT "assignedAt", "assignedById", "endedAt", "id", "orgId", "profileId", "userId" FROM "ProfileAssignment";
DROP TABLE "ProfileAssignment";
ALTER TABLE "new_ProfileAssignment" RENAME TO "ProfileAssignment";
CREATE INDEX "ProfileAssignment_orgId_profileId_endedAt_idx" ON "ProfileAssignment"("orgId", "profileId", "endedAt");
CREATE INDEX "ProfileAssignment_orgId_endedAt_statusRank_idx" ON "ProfileAssignment"("orgId", "endedAt", "statusRank");
CREATE INDEX "ProfileAssignment_orgId_endedAt_soonestLapse_idx" ON "ProfileAssignment"("orgId", "endedAt", "soonestLapse");
CREATE INDEX "ProfileAssignment_endedAt_statusUntil_idx" ON "ProfileAssignment"("endedAt", "statusUntil");
CREATE INDEX "ProfileAssignment_userId_idx" ON "ProfileAssignment"("userId");
CREATE UNIQUE INDEX "ProfileAssignment_orgId_userId_profileId_key" ON "ProfileAssignment"("orgId", "userId", "profileId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

