-- CreateTable
CREATE TABLE "ProfileAssignment" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ProfileAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VettingCheck" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "checkedOn" TIMESTAMP(3) NOT NULL,
    "expiresOn" TIMESTAMP(3),
    "evidenceRef" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedesId" TEXT,
    "correctionReason" TEXT,

    CONSTRAINT "VettingCheck_pkey" PRIMARY KEY ("id")
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

