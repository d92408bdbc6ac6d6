-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appends" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "lastHash" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");


-- The chain's end as it stands (the genesis hash on an empty chain).
INSERT INTO "AuditHead" ("id", "appends", "lastSeq", "lastHash")
SELECT 1, COUNT(*), COALESCE(MAX("seq"), 0),
       COALESCE((SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
FROM "AuditEvent";
