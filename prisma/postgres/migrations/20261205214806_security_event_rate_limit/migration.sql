-- AlterTable
ALTER TABLE "SecurityEvent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "window" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SecurityEvent_window_key" ON "SecurityEvent"("window");

