-- CreateTable
CREATE TABLE "SharingAgreement" (
    "id" TEXT NOT NULL,
    "grantorOrgId" TEXT NOT NULL,
    "granteeOrgId" TEXT NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "endedAt" TIMESTAMP(3),
    "endKind" TEXT,

    CONSTRAINT "SharingAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharingAgreementProfile" (
    "agreementId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,

    CONSTRAINT "SharingAgreementProfile_pkey" PRIMARY KEY ("agreementId","profileId")
);

-- CreateIndex
CREATE INDEX "SharingAgreement_grantorOrgId_endedAt_idx" ON "SharingAgreement"("grantorOrgId", "endedAt");

-- CreateIndex
CREATE INDEX "SharingAgreement_granteeOrgId_endedAt_idx" ON "SharingAgreement"("granteeOrgId", "endedAt");

-- AddForeignKey
ALTER TABLE "SharingAgreementProfile" ADD CONSTRAINT "SharingAgreementProfile_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "SharingAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

