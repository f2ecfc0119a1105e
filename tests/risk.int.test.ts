import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRiskQueue } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { DEMO_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const owner = (organizationId: string) => scopeOf({ id: "u", email: "", name: "", role: "OWNER", supplierId: null, organizationId });

describe("risk flags in the database", () => {
  beforeAll(async () => {
    await seedDemo(prisma, new Date());
  });

  it("the demo data's flags are stored after seeding, and the queue shows them", async () => {
    const demo = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } });
    const rules = await prisma.riskFlag.groupBy({ by: ["rule"], where: { organizationId: demo.id }, _count: true });
    const stored = new Set(rules.map((r) => r.rule));
    for (const rule of ["tracking.invalid", "label.usps_requires_tiktok_shipping", "fulfillment.dispatch_deadline", "tracking.carrier_not_approved"]) {
      expect(stored, rule).toContain(rule);
    }
    const queue = await getRiskQueue(owner(demo.id), {}, new Date());
    // The queue holds every actionable stored flag, plus the clock-driven ones.
    const actionable = await prisma.riskFlag.count({ where: { organizationId: demo.id, actionable: true } });
    expect(queue.total).toBeGreaterThanOrEqual(actionable);
    // Findings on delivered orders stay stored (for the rates and history) but leave the queue.
    const closed = await prisma.riskFlag.findMany({
      where: { organizationId: demo.id, subjectType: "ORDER", order: { status: { in: ["DELIVERED", "COMPLETED", "CANCELLED"] } } },
      select: { actionable: true },
    });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((f) => !f.actionable)).toBe(true);
    expect(queue.items.every((i) => i.reason.length > 0)).toBe(true);
    // Queue order: every overdue item comes before every item that is not overdue.
    const firstNotOverdue = queue.items.findIndex((i) => !i.overdue);
    expect(queue.items.slice(firstNotOverdue).some((i) => i.overdue)).toBe(false);
  });

  it("a due-soon order turns critical and then overdue as the clock moves, without re-running the engine", async () => {
    const org = await prisma.organization.create({ data: { name: `Clock test ${Date.now()}` } });
    const store = await prisma.store.create({
      data: {
        organizationId: org.id,
        name: "TikTok US",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        currency: "USD",
        joinedOn: new Date("2025-01-01"),
      },
    });
    // Wednesday 4 Nov 2026, 10:00 Los Angeles → due Friday 6 Nov 23:59:59 PST (07:59:59Z Saturday).
    const order = await prisma.order.create({
      data: {
        organizationId: org.id,
        storeId: store.id,
        channel: "TIKTOK_SHOP",
        externalId: "576800000000000001",
        status: "AWAITING_SHIPMENT",
        placedAt: new Date("2026-11-04T18:00:00Z"),
        currency: "USD",
        totalMinor: 1999,
        shipFromCountry: "US",
      },
    });
    await refreshOrderRisk(prisma, { organizationId: org.id, orderIds: [order.id] }, new Date("2026-11-04T18:00:00Z"));
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { dispatchDueAt: true } });
    expect(stored.dispatchDueAt?.toISOString()).toBe("2026-11-07T07:59:59.000Z");
    const flagsBefore = await prisma.riskFlag.findMany({ where: { organizationId: org.id }, orderBy: { id: "asc" } });

    const at = async (iso: string) => (await getRiskQueue(owner(org.id), { rule: "fulfillment.dispatch_deadline" }, new Date(iso))).items;
    expect(await at("2026-11-05T12:00:00Z")).toEqual([]); // on track: more than 24 h left
    const dueSoon = await at("2026-11-06T12:00:00Z");
    expect(dueSoon).toHaveLength(1);
    expect(dueSoon[0]).toMatchObject({ severity: "WARNING", overdue: false });
    expect(dueSoon[0]?.reason).toMatch(/Dispatch by/);
    const critical = await at("2026-11-07T04:00:00Z");
    expect(critical[0]).toMatchObject({ severity: "CRITICAL", overdue: false });
    const overdue = await at("2026-11-07T08:00:00Z");
    expect(overdue[0]).toMatchObject({ severity: "CRITICAL", overdue: true });
    expect(overdue[0]?.reason).toMatch(/has passed/);

    // Nothing was re-evaluated or rewritten between those readings.
    expect(await prisma.riskFlag.findMany({ where: { organizationId: org.id }, orderBy: { id: "asc" } })).toEqual(flagsBefore);
    await prisma.organization.delete({ where: { id: org.id } });
  });
});
