-- AlterTable
ALTER TABLE "MailOutbox" ADD COLUMN     "reminderId" TEXT,
ALTER COLUMN "invitationId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "VettingReminder" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "itemKind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "lapsesOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VettingReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VettingReminder_key_key" ON "VettingReminder"("key");

-- CreateIndex
CREATE INDEX "VettingReminder_holderId_idx" ON "VettingReminder"("holderId");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_reminderId_key" ON "MailOutbox"("reminderId");

