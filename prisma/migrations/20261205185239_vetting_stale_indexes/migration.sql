-- DropIndex
DROP INDEX "ProfileAssignment_endedAt_statusUntil_idx";

-- CreateIndex
CREATE INDEX "ProfileAssignment_orgId_endedAt_statusUntil_idx" ON "ProfileAssignment"("orgId", "endedAt", "statusUntil");

-- CreateIndex
CREATE INDEX "ProfileAssignment_orgId_endedAt_statusAt_idx" ON "ProfileAssignment"("orgId", "endedAt", "statusAt");

