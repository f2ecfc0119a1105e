-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "sourceId" TEXT;

-- CreateIndex
CREATE INDEX "Order_storeId_sourceId_idx" ON "Order"("storeId", "sourceId");
