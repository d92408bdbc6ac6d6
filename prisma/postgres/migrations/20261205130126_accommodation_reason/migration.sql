-- AlterTable
ALTER TABLE "QuizAccommodation" ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '';

