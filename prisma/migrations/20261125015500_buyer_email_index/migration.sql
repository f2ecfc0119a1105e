-- Hand-written (Prisma cannot express an index on an expression): the overview's repeat-customer
-- rate asks, for each buyer of the period, whether the same e-mail (case-insensitive) ordered
-- earlier in the same channel. Without this index every such probe scans the organisation's
-- whole order history (minutes at a million orders).
CREATE INDEX "Order_buyer_history_idx" ON "Order"("organizationId", channel, lower("buyerEmail"), "placedAt");
