-- Hand-written (Prisma cannot express a partial index): the risk queue reads the actionable
-- flags in due order and stops after one page (lib/data/risk.ts), so a page costs a few dozen
-- index entries however many flags are open. Same predicate as the queue's WHERE.
CREATE INDEX "RiskFlag_queue_idx" ON "RiskFlag"("organizationId", "dueAt") WHERE actionable;
