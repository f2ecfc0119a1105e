-- Issue 21: the user's language, the organisation's reporting currency, flag reasons as message
-- keys with parameters, and the daily reference rates conversions use.

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "reportingCurrency" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" TEXT;

-- AlterTable
ALTER TABLE "RiskFlag" ADD COLUMN "reasonKey" TEXT,
ADD COLUMN "reasonParams" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "FxRate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "base" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FxRate_organizationId_day_idx" ON "FxRate"("organizationId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_organizationId_base_quote_day_key" ON "FxRate"("organizationId", "base", "quote", "day");

-- AddForeignKey
ALTER TABLE "FxRate" ADD CONSTRAINT "FxRate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
