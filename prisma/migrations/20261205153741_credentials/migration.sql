-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "issueKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "contentVersion" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL,
    "predecessorId" TEXT,
    "renewedById" TEXT,
    "revocationListId" TEXT NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "statusListIndex" INTEGER NOT NULL,
    "revokedAt" DATETIME,
    "revokeReason" TEXT,
    "revokeNote" TEXT,
    "suspendedAt" DATETIME,
    "suspendNote" TEXT,
    "nameConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "keyId" TEXT NOT NULL,
    "signedJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "pairId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "signedJson" TEXT,
    "signedFor" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "subject" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE UNIQUE INDEX "Credential_issueKey_key" ON "Credential"("issueKey");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_predecessorId_key" ON "Credential"("predecessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_renewedById_key" ON "Credential"("renewedById");

-- CreateIndex
CREATE INDEX "Credential_userId_achievementId_idx" ON "Credential"("userId", "achievementId");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_revocationListId_statusListIndex_key" ON "Credential"("revocationListId", "statusListIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_suspensionListId_statusListIndex_key" ON "Credential"("suspensionListId", "statusListIndex");

-- CreateIndex
CREATE UNIQUE INDEX "StatusList_pairId_purpose_key" ON "StatusList"("pairId", "purpose");

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

