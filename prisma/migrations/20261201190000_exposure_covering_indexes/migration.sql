-- Issue 20: the exposure tallies, the 12-week trends and the service comparison read months of a
-- store's orders by (storeId, placedAt) (lib/data/exposure.ts). With only the key in the index,
-- each of those orders cost a heap page of its own: 8,449 pages for one store's 150 days at a
-- million orders in 50 stores, a quarter of a second per store on a cold cache. The same index,
-- covering the columns those reads use, answers them from the index alone. Prisma's schema cannot
-- express INCLUDE; prisma/schema.prisma keeps @@index([storeId, placedAt]) under the same name.
DROP INDEX "Order_storeId_placedAt_idx";
CREATE INDEX "Order_storeId_placedAt_idx" ON "Order"("storeId", "placedAt")
  INCLUDE ("organizationId", id, status, "paidAt", "inTransitAt", "deliveredAt", "cancelledAt", "dispatchDueAt", "fulfillmentType");

-- The tracking faults the valid-tracking rate counts (TRACKING_FAULT_RULES in
-- lib/performance/tally.ts; tests/exposure-indexes.int.test.ts checks the two lists agree). The
-- trend looked them up by reading every flag of the table.
CREATE INDEX "RiskFlag_tracking_fault_idx" ON "RiskFlag"("orderId") WHERE rule IN ('tracking.invalid', 'tracking.missing', 'tracking.carrier_mismatch');
