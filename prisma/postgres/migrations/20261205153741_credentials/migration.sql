-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "issueKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "contentVersion" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "predecessorId" TEXT,
    "renewedById" TEXT,
    "revocationListId" TEXT NOT NULL,
    "suspensionListId" TEXT NOT NULL,
    "statusListIndex" INTEGER NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokeReason" TEXT,
    "revokeNote" TEXT,
    "suspendedAt" TIMESTAMP(3),
    "suspendNote" TEXT,
    "nameConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "keyId" TEXT NOT NULL,
    "signedJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusList" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "pairId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "signedJson" TEXT,
    "signedFor" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "subject" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

