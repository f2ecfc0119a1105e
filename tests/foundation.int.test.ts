import { afterAll, describe, expect, it } from "vitest";
import { getChannelTotals } from "@/lib/data/overview";
import { scopeOf } from "@/lib/data/scope";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const prisma = testDb();
afterAll(() => prisma.$disconnect());

async function tableCounts() {
  const [orgs, users, stores, suppliers, orders, lines] = await Promise.all([
    prisma.organization.count(),
    prisma.user.count(),
    prisma.store.count(),
    prisma.supplier.count(),
    prisma.order.count(),
    prisma.orderLine.count(),
  ]);
  return { orgs, users, stores, suppliers, orders, lines };
}

describe("database foundation", () => {
  it("has every migration applied to the (initially empty) database", async () => {
    const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("seeds the demo organisations once: a second run changes nothing", async () => {
    await seedDemo(prisma, new Date());
    const first = await tableCounts();
    const again = await seedDemo(prisma, new Date(Date.now() + 3600_000));
    expect(again.created).toBe(false);
    expect(await tableCounts()).toEqual(first);
    const stores = await prisma.store.findMany({
      where: { organization: { name: DEMO_ORG } },
      select: { name: true, channel: true, market: true, kind: true, timeZone: true },
      orderBy: { name: "asc" },
    });
    expect(stores).toEqual([
      { name: "Brand Website", channel: "BRAND_SITE", market: "US", kind: null, timeZone: "America/New_York" },
      { name: "TikTok Shop UK", channel: "TIKTOK_SHOP", market: "UK", kind: "LOCAL", timeZone: "Europe/London" },
      { name: "TikTok Shop US", channel: "TIKTOK_SHOP", market: "US", kind: "CROSS_BORDER", timeZone: "America/Los_Angeles" },
    ]);
    const demoOrders = await prisma.order.count({ where: { organization: { name: DEMO_ORG } } });
    expect(demoOrders).toBeGreaterThanOrEqual(1800);
    const supplierUser = await prisma.user.findUniqueOrThrow({
      where: { email: "supplier@demo.test" },
      select: { role: true, supplier: { select: { shipFromCountry: true } } },
    });
    expect(supplierUser).toEqual({ role: "SUPPLIER", supplier: { shipFromCountry: "US" } });
  });

  it("the overview query counts only the signed-in organisation's orders", async () => {
    const demo = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } });
    const other = await prisma.organization.findFirstOrThrow({ where: { name: OTHER_ORG } });
    const to = new Date(Date.now() + 1000);
    const from = new Date(to.getTime() - 30 * 86400_000);
    const user = { id: "x", email: "", name: "", role: "OWNER" as const, supplierId: null };
    const demoTotals = await getChannelTotals(scopeOf({ ...user, organizationId: demo.id }), from, to);
    const otherTotals = await getChannelTotals(scopeOf({ ...user, organizationId: other.id }), from, to);

    for (const [org, totals] of [
      [demo.id, demoTotals],
      [other.id, otherTotals],
    ] as const) {
      for (const channel of ["TIKTOK_SHOP", "BRAND_SITE"] as const) {
        const expected = await prisma.order.count({ where: { organizationId: org, channel, placedAt: { gte: from, lt: to }, status: { not: "CANCELLED" } } });
        expect(totals.find((t) => t.channel === channel)?.orders).toBe(expected);
      }
    }
    // The other shop has only a TikTok store: its brand-site column is empty, not the demo's.
    expect(otherTotals.find((t) => t.channel === "BRAND_SITE")?.orders).toBe(0);
    expect(demoTotals.find((t) => t.channel === "BRAND_SITE")?.orders).toBeGreaterThan(0);
    const usd = demoTotals.find((t) => t.channel === "TIKTOK_SHOP")?.revenue.map((r) => r.currency);
    expect(usd).toEqual(["GBP", "USD"]);
  });
});
