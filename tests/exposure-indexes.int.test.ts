import { afterAll, describe, expect, it } from "vitest";
import { trackingFaultRulesSql } from "@/lib/data/exposure";
import { Prisma } from "@/lib/generated/prisma/client";
import { TRACKING_FAULT_RULES } from "@/lib/performance/tally";
import { testDb } from "./db";

// The exposure reads rely on two hand-written indexes (migration 20261201190000_exposure_covering_indexes).
// The partial one only serves a query whose rule list the planner can prove is inside the index's
// predicate: a rule added to TRACKING_FAULT_RULES without a migration would silently send the
// 12-week trend back to reading every flag of the table.

const prisma = testDb();
afterAll(() => prisma.$disconnect());

async function planOf(rules: Prisma.Sql): Promise<string> {
  return prisma.$transaction(async (tx) => {
    // Small test tables would be read whole anyway: ask whether the index CAN answer.
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = 'some-order' AND f.rule IN (${rules})`,
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("the exposure's tracking-fault index", () => {
  it("is usable for the exposure's own rule list", async () => {
    expect(await planOf(trackingFaultRulesSql)).toContain("RiskFlag_tracking_fault_idx");
  });

  it("covers exactly the rules the valid-tracking rate counts", async () => {
    const [index] = await prisma.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'RiskFlag_tracking_fault_idx'`;
    const predicate = index?.indexdef.split(" WHERE ")[1] ?? "";
    const listed = [...predicate.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...TRACKING_FAULT_RULES].sort());
    // And a rule outside the predicate cannot use it (the check above would then fail too).
    expect(await planOf(Prisma.raw(`${trackingFaultRulesSql.text}, 'tracking.other'`))).not.toContain("RiskFlag_tracking_fault_idx");
  });
});
