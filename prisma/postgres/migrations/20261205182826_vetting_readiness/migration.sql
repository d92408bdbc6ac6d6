-- AlterTable
ALTER TABLE "ProfileAssignment" ADD COLUMN     "lapses" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "reasons" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "soonestLapse" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "statusAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "statusRank" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "statusUntil" TIMESTAMP(3),
ADD COLUMN     "statusVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ProfileAssignment_orgId_endedAt_statusRank_idx" ON "ProfileAssignment"("orgId", "endedAt", "statusRank");

-- CreateIndex
CREATE INDEX "ProfileAssignment_orgId_endedAt_soonestLapse_idx" ON "ProfileAssignment"("orgId", "endedAt", "soonestLapse");

-- CreateIndex
CREATE INDEX "ProfileAssignment_endedAt_statusUntil_idx" ON "ProfileAssignment"("endedAt", "statusUntil");

-- AddForeignKey
ALTER TABLE "ProfileAssignment" ADD CONSTRAINT "ProfileAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileAssignment" ADD CONSTRAINT "ProfileAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

