-- AlterTable
ALTER TABLE "StatusList" ADD COLUMN "signedAt" DATETIME;
ALTER TABLE "StatusList" ADD COLUMN "signedUntil" DATETIME;

-- CreateTable
CREATE TABLE "Clearance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Clearance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClearanceAttestation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clearanceId" TEXT NOT NULL,
    "issuedById" TEXT,
    "issuedAt" DATETIME NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL,
    "revocationListId" TEXT NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "statusListIndex" INTEGER NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "revokeReason" TEXT,
    "revokeNote" TEXT,
    "keyId" TEXT NOT NULL,
    "signedJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClearanceAttestation_clearanceId_fkey" FOREIGN KEY ("clearanceId") REFERENCES "Clearance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Clearance_userId_orgId_profileId_key" ON "Clearance"("userId", "orgId", "profileId");

-- CreateIndex
CREATE INDEX "ClearanceAttestation_clearanceId_issuedAt_idx" ON "ClearanceAttestation"("clearanceId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClearanceAttestation_revocationListId_statusListIndex_key" ON "ClearanceAttestation"("revocationListId", "statusListIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ClearanceAttestation_suspensionListId_statusListIndex_key" ON "ClearanceAttestation"("suspensionListId", "statusListIndex");

