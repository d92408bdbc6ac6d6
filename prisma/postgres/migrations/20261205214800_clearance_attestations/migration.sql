-- AlterTable
ALTER TABLE "StatusList" ADD COLUMN     "signedAt" TIMESTAMP(3),
ADD COLUMN     "signedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Clearance" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Clearance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClearanceAttestation" (
    "id" TEXT NOT NULL,
    "clearanceId" TEXT NOT NULL,
    "issuedById" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "revocationListId" TEXT NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "statusListIndex" INTEGER NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,
    "revokeNote" TEXT,
    "keyId" TEXT NOT NULL,
    "signedJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClearanceAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Clearance_userId_orgId_profileId_key" ON "Clearance"("userId", "orgId", "profileId");

-- CreateIndex
CREATE INDEX "ClearanceAttestation_clearanceId_issuedAt_idx" ON "ClearanceAttestation"("clearanceId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClearanceAttestation_revocationListId_statusListIndex_key" ON "ClearanceAttestation"("revocationListId", "statusListIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ClearanceAttestation_suspensionListId_statusListIndex_key" ON "ClearanceAttestation"("suspensionListId", "statusListIndex");

-- AddForeignKey
ALTER TABLE "Clearance" ADD CONSTRAINT "Clearance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClearanceAttestation" ADD CONSTRAINT "ClearanceAttestation_clearanceId_fkey" FOREIGN KEY ("clearanceId") REFERENCES "Clearance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

