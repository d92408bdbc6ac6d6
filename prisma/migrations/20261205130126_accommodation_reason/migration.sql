-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAccommodation" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "extraMinutes" INTEGER NOT NULL DEFAULT 0,
    "extraAttempts" INTEGER NOT NULL DEFAULT 0,
    "grantedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "quizId")
);
INSERT INTO "new_QuizAccommodation" ("extraAttempts", "extraMinutes", "grantedById", "quizId", "updatedAt", "userId") SELECT "extraAttempts", "extraMinutes", "grantedById", "quizId", "updatedAt", "userId" FROM "QuizAccommodation";
DROP TABLE "QuizAccommodation";
ALTER TABLE "new_QuizAccommodation" RENAME TO "QuizAccommodation";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

