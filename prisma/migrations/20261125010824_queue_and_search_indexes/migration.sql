-- DropIndex
DROP INDEX "Order_trackingNumber_idx";

-- DropIndex
DROP INDEX "Order_organizationId_trackingNumber_idx";

-- AlterTable
ALTER TABLE "RiskFlag" ADD COLUMN     "actionable" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Order_organizationId_trackingNumber_idx" ON "Order"("organizationId", "trackingNumber" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Order_organizationId_externalId_idx" ON "Order"("organizationId", "externalId" text_pattern_ops);

-- CreateIndex
CREATE INDEX "RiskFlag_organizationId_actionable_rule_idx" ON "RiskFlag"("organizationId", "actionable", "rule");

-- CreateIndex
CREATE INDEX "ReturnRequest_organizationId_storeId_status_idx" ON "ReturnRequest"("organizationId", "storeId", "status");

-- Hand-written (Prisma cannot express a partial index): the risk queue's clock-driven dispatch
-- flags read only orders still waiting for their first carrier scan — a few thousand rows even
-- when the organisation has millions of orders. The predicate matches lib/risk/sql.ts exactly.
CREATE INDEX "Order_awaiting_dispatch_idx" ON "Order"("organizationId", "dispatchDueAt")
  WHERE "inTransitAt" IS NULL AND status IN ('AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'ON_HOLD');
