-- CreateTable
CREATE TABLE "ProfileAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "VettingCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "checkedOn" DATETIME NOT NULL,
    "expiresOn" DATETIME,
    "evidenceRef" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedesId" TEXT,
    "correctionReason" TEXT
);

-- CreateIndex
CREATE INDEX "ProfileAssignment_orgId_profileId_endedAt_idx" ON "ProfileAssignment"("orgId", "profileId", "endedAt");

-- CreateIndex
CREATE INDEX "ProfileAssignment_userId_idx" ON "ProfileAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProfileAssignment_orgId_userId_profileId_key" ON "ProfileAssignment"("orgId", "userId", "profileId");

-- CreateIndex
CREATE UNIQUE INDEX "VettingCheck_supersedesId_key" ON "VettingCheck"("supersedesId");

-- CreateIndex
CREATE INDEX "VettingCheck_userId_kind_idx" ON "VettingCheck"("userId", "kind");

-- CreateIndex
CREATE INDEX "VettingCheck_orgId_expiresOn_idx" ON "VettingCheck"("orgId", "expiresOn");

