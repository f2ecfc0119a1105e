-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "defaultSupplierId" TEXT;

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "contactEmail" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "supplierManual" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "warehouseName" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_organizationId_warehouseName_key" ON "RoutingRule"("organizationId", "warehouseName");

-- AddForeignKey
ALTER TABLE "Store" ADD CONSTRAINT "Store_defaultSupplierId_fkey" FOREIGN KEY ("defaultSupplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Demo organisations loaded before this column existed (their users' e-mails end in @demo.test).
UPDATE "Organization" o SET "isDemo" = true
WHERE o.name IN ('Demo Dropship Co', 'Other Shop Ltd')
  AND EXISTS (SELECT 1 FROM "User" u WHERE u."organizationId" = o.id AND u.email LIKE '%@demo.test');

-- The orders list's "unassigned" filter and the overview's count (hand-written: Prisma has no partial indexes).
CREATE INDEX "Order_unassigned_idx" ON "Order" ("organizationId", "placedAt") WHERE "supplierId" IS NULL;
