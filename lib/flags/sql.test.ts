import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SETTINGS, type PolicySettings, mergeSettings } from "@/lib/policy/settings";
import { autoCancelFlagOpen, dispatchFlagOpen, dispatchSeveritySql, orderHasAnyFlag, orderHasRule } from "./sql";

// The clock-driven flags are decided in SQL at read time: these run the builders' SQL on an
// in-process PostgreSQL (PGlite) over a few hand-made orders, at chosen instants and settings.

const H = 3_600_000;
const DUE = new Date("2026-11-27T07:59:59.000Z"); // a dispatch deadline
let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec(`
    CREATE TABLE "Order" (id text PRIMARY KEY, status text, "dispatchDueAt" timestamptz, "autoCancelAt" timestamptz, "inTransitAt" timestamptz, "trackingNumber" text);
    CREATE TABLE "RiskFlag" (id serial, "orderId" text, rule text);
  `);
  const rows: [string, string, Date | null, Date | null, Date | null, string | null][] = [
    ["waiting", "AWAITING_SHIPMENT", DUE, new Date(DUE.getTime() + 72 * H), null, null],
    ["collection", "AWAITING_COLLECTION", DUE, new Date(DUE.getTime() + 72 * H), null, "1Z999AA10123456784"],
    ["scanned", "IN_TRANSIT", DUE, null, new Date(DUE.getTime() - 2 * H), "1Z999AA10123456784"],
    ["fbt", "AWAITING_SHIPMENT", null, null, null, null], // Fulfilled by TikTok: no instants stored
    ["flagged", "DELIVERED", DUE, null, new Date(DUE.getTime() - 30 * H), "BAD"],
  ];
  for (const r of rows) await pg.query(`INSERT INTO "Order" VALUES ($1, $2, $3, $4, $5, $6)`, r);
  await pg.query(`INSERT INTO "RiskFlag" ("orderId", rule) VALUES ('flagged', 'tracking.invalid')`);
  // Starting PGlite (WebAssembly) takes seconds on a busy machine: more than the default 10 s hook timeout.
}, 60_000);

afterAll(async () => {
  await pg.close();
});

async function matching(condition: Prisma.Sql): Promise<string[]> {
  const { rows } = await pg.query<{ id: string }>(`SELECT o.id FROM "Order" o WHERE ${condition.text} ORDER BY o.id`, condition.values as unknown[]);
  return rows.map((r) => r.id);
}

async function severity(now: Date, settings: PolicySettings): Promise<string | undefined> {
  const sql = dispatchSeveritySql(now, settings);
  const { rows } = await pg.query<{ s: string }>(`SELECT ${sql.text} AS s FROM "Order" o WHERE o.id = 'waiting'`, sql.values as unknown[]);
  return rows[0]?.s;
}

describe("derived dispatch flag", () => {
  it("opens dueSoonHours before the deadline, only for orders still waiting for their first scan", async () => {
    expect(await matching(dispatchFlagOpen(new Date(DUE.getTime() - 25 * H), DEFAULT_SETTINGS))).toEqual([]);
    expect(await matching(dispatchFlagOpen(new Date(DUE.getTime() - 23 * H), DEFAULT_SETTINGS))).toEqual(["collection", "waiting"]);
    // Overdue stays open until the scan.
    expect(await matching(dispatchFlagOpen(new Date(DUE.getTime() + 5 * H), DEFAULT_SETTINGS))).toEqual(["collection", "waiting"]);
  });

  it("follows the organisation's due-soon setting, not a constant", async () => {
    const twelve = mergeSettings({ dispatch: { dueSoonHours: 12, criticalHours: 6 } });
    expect(await matching(dispatchFlagOpen(new Date(DUE.getTime() - 13 * H), twelve))).toEqual([]);
    expect(await matching(dispatchFlagOpen(new Date(DUE.getTime() - 11 * H), twelve))).toEqual(["collection", "waiting"]);
  });

  it("turns critical under criticalHours left and stays critical once overdue", async () => {
    expect(await severity(new Date(DUE.getTime() - 7 * H), DEFAULT_SETTINGS)).toBe("WARNING");
    expect(await severity(new Date(DUE.getTime() - 5 * H), DEFAULT_SETTINGS)).toBe("CRITICAL");
    expect(await severity(new Date(DUE.getTime() + 1 * H), DEFAULT_SETTINGS)).toBe("CRITICAL");
    expect(await severity(new Date(DUE.getTime() - 7 * H), mergeSettings({ dispatch: { dueSoonHours: 24, criticalHours: 8 } }))).toBe("CRITICAL");
  });
});

describe("derived auto-cancel flag", () => {
  it("opens after the deadline for an order still without tracking (awaiting collection has its label)", async () => {
    expect(await matching(autoCancelFlagOpen(new Date(DUE.getTime() - H)))).toEqual([]);
    expect(await matching(autoCancelFlagOpen(new Date(DUE.getTime() + H)))).toEqual(["waiting"]);
  });
});

describe("rule filters", () => {
  it("a stored rule is looked up in RiskFlag, a derived one from the clock, any flag from both", async () => {
    const now = new Date(DUE.getTime() + H);
    expect(await matching(orderHasRule("tracking.invalid", now, DEFAULT_SETTINGS))).toEqual(["flagged"]);
    expect(await matching(orderHasRule("fulfillment.dispatch_deadline", now, DEFAULT_SETTINGS))).toEqual(["collection", "waiting"]);
    expect(await matching(orderHasRule("fulfillment.auto_cancel_risk", now, DEFAULT_SETTINGS))).toEqual(["waiting"]);
    expect(await matching(orderHasAnyFlag(now, DEFAULT_SETTINGS))).toEqual(["collection", "flagged", "waiting"]);
  });
});
