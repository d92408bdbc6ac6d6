-- CreateTable
CREATE TABLE "SharingAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "grantorOrgId" TEXT NOT NULL,
    "granteeOrgId" TEXT NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedById" TEXT,
    "acceptedAt" DATETIME,
    "endedById" TEXT,
    "endedAt" DATETIME,
    "endKind" TEXT
);

-- CreateTable
CREATE TABLE "SharingAgreementProfile" (
    "agreementId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,

    PRIMARY KEY ("agreementId", "profileId"),
    CONSTRAINT "SharingAgreementProfile_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "SharingAgreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SharingAgreement_grantorOrgId_endedAt_idx" ON "SharingAgreement"("grantorOrgId", "endedAt");

-- CreateIndex
CREATE INDEX "SharingAgreement_granteeOrgId_endedAt_idx" ON "SharingAgreement"("granteeOrgId", "endedAt");

