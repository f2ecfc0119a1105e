import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { getChannelKpis, getRepeatBuyers, getTrends, withRepeat } from "@/lib/data/overview";
import { scopeOf } from "@/lib/data/scope";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const now = new Date();
const from = new Date(now.getTime() - 30 * 86_400_000);
let owner: SessionUser;
let supplier: SessionUser;
let other: SessionUser;
let demoOrgId: string;
let otherOrgId: string;
let usStoreId: string;

async function asUser(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true } });
}

beforeAll(async () => {
  await seedDemo(prisma, now);
  owner = await asUser("owner@demo.test");
  supplier = await asUser("supplier@demo.test");
  other = await asUser("other@demo.test");
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  otherOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: OTHER_ORG } })).id;
  usStoreId = (await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId, name: "TikTok Shop US" } })).id;
});

/** The expected figures, computed the slow and obvious way from plain rows. */
async function expected(organizationId: string, channel: "TIKTOK_SHOP" | "BRAND_SITE", storeId?: string, supplierId?: string) {
  const base = { organizationId, channel, ...(storeId ? { storeId } : {}), ...(supplierId ? { supplierId } : {}) };
  const placed = await prisma.order.findMany({
    where: { ...base, placedAt: { gte: from, lt: now }, status: { not: "CANCELLED" } },
    select: { currency: true, totalMinor: true, placedAt: true, inTransitAt: true },
  });
  const revenue = new Map<string, bigint>();
  for (const o of placed) revenue.set(o.currency, (revenue.get(o.currency) ?? 0n) + BigInt(o.totalMinor));
  const dueOrders = await prisma.order.findMany({
    where: { ...base, dispatchDueAt: { gte: from, lt: now }, status: { not: "CANCELLED" } },
    select: { dispatchDueAt: true, inTransitAt: true },
  });
  const late = dueOrders.filter((o) => o.inTransitAt === null || (o.dispatchDueAt !== null && o.inTransitAt > o.dispatchDueAt)).length;
  const hours = placed
    .filter((o) => o.inTransitAt)
    .map((o) => ((o.inTransitAt as Date).getTime() - o.placedAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const mid = hours.length / 2;
  const median = hours.length === 0 ? null : hours.length % 2 ? (hours[Math.floor(mid)] as number) : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return { orders: placed.length, revenue: [...revenue.entries()].sort(([a], [b]) => a.localeCompare(b)), late, due: dueOrders.length, median };
}

describe("overview figures", () => {
  it("equal direct counts for the whole organisation over 30 days", async () => {
    const kpis = await getChannelKpis(scopeOf(owner), { from, to: now, now });
    for (const channel of ["TIKTOK_SHOP", "BRAND_SITE"] as const) {
      const got = kpis.find((k) => k.channel === channel);
      const want = await expected(demoOrgId, channel);
      expect(got?.orders).toBe(want.orders);
      expect(got?.revenue?.map((r) => [r.currency, r.minor])).toEqual(want.revenue);
      // Read off the roll-up's one-hour histogram: within 1 h of the exact median (docs/benchmarks.md).
      expect(Math.abs((got?.medianDispatchHours ?? 0) - (want.median ?? 0))).toBeLessThanOrEqual(1);
      expect(got?.medianDispatchHours === null).toBe(want.median === null);
      if (channel === "TIKTOK_SHOP") {
        expect(got?.lateDispatch).toEqual({ late: want.late, total: want.due, basis: "DEADLINE" });
        expect(want.due).toBeGreaterThan(0);
      }
    }
    // US and UK TikTok stores: two currencies, never added together.
    expect(kpis.find((k) => k.channel === "TIKTOK_SHOP")?.revenue?.map((r) => r.currency)).toEqual(["GBP", "USD"]);
  });

  it("equal direct counts for one store", async () => {
    const kpis = await getChannelKpis(scopeOf(owner), { from, to: now, now, storeId: usStoreId });
    const tiktok = kpis.find((k) => k.channel === "TIKTOK_SHOP");
    const want = await expected(demoOrgId, "TIKTOK_SHOP", usStoreId);
    expect(tiktok?.orders).toBe(want.orders);
    expect(tiktok?.revenue?.map((r) => [r.currency, r.minor])).toEqual(want.revenue);
    expect(tiktok?.lateDispatch.late).toBe(want.late);
    expect(tiktok?.lateDispatch.total).toBe(want.due);
    expect(kpis.find((k) => k.channel === "BRAND_SITE")?.orders).toBe(0);
    // AOV is revenue ÷ orders, rounded to the cent.
    const usd = tiktok?.revenue?.[0];
    expect(tiktok?.aov?.[0]?.minor).toBe(BigInt(Math.round(Number(usd?.minor ?? 0n) / (tiktok?.orders ?? 1))));
  });

  it("brand-site late dispatch counts orders over 48 h, and repeat buyers are found", async () => {
    const kpis = await getChannelKpis(scopeOf(owner), { from, to: now, now });
    const brand = kpis.find((k) => k.channel === "BRAND_SITE");
    const rows = await prisma.order.findMany({
      where: { organizationId: demoOrgId, channel: "BRAND_SITE", placedAt: { gte: from, lt: now }, status: { not: "CANCELLED" } },
      select: { placedAt: true, inTransitAt: true, status: true, buyerEmail: true },
    });
    const limit = 48 * 3_600_000;
    const waiting = ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"];
    const due = rows.filter((o) => o.inTransitAt || (waiting.includes(o.status) && now.getTime() - o.placedAt.getTime() > limit));
    const late = due.filter((o) => (o.inTransitAt ? o.inTransitAt.getTime() - o.placedAt.getTime() > limit : true));
    expect(brand?.lateDispatch).toEqual({ late: late.length, total: due.length, basis: "48H" });
    const buyers = new Set(rows.map((o) => o.buyerEmail?.toLowerCase()).filter(Boolean));
    expect(brand?.repeat?.buyers).toBe(buyers.size);
    expect(brand?.repeat?.repeatBuyers).toBeGreaterThan(0);
    expect(brand?.repeat?.repeatBuyers).toBeLessThanOrEqual(buyers.size);
  });

  it("never mixes organisations", async () => {
    const otherKpis = await getChannelKpis(scopeOf(other), { from, to: now, now });
    const want = await expected(otherOrgId, "TIKTOK_SHOP");
    expect(otherKpis.find((k) => k.channel === "TIKTOK_SHOP")?.orders).toBe(want.orders);
    expect(otherKpis.find((k) => k.channel === "BRAND_SITE")?.orders).toBe(0);
    // Another organisation's store id as a filter finds nothing, not the demo's orders.
    const foreign = await getChannelKpis(scopeOf(other), { from, to: now, now, storeId: usStoreId });
    expect(foreign.every((k) => k.orders === 0 && k.lateDispatch.total === 0)).toBe(true);
    const trends = await getTrends(scopeOf(other), { from, to: now, now, storeId: usStoreId, timeZone: "UTC" });
    expect(trends.orders.every((d) => d.TIKTOK_SHOP === 0 && d.BRAND_SITE === 0)).toBe(true);
  });

  it("shows a supplier only their own orders and no money", async () => {
    const kpis = await getChannelKpis(scopeOf(supplier), { from, to: now, now });
    const want = await expected(demoOrgId, "TIKTOK_SHOP", undefined, supplier.supplierId ?? "");
    const tiktok = kpis.find((k) => k.channel === "TIKTOK_SHOP");
    expect(tiktok?.orders).toBe(want.orders);
    expect(tiktok?.lateDispatch.late).toBe(want.late);
    expect(kpis.every((k) => k.revenue === null && k.aov === null && k.repeat === null && k.returns === null)).toBe(true);
    const trends = await getTrends(scopeOf(supplier), { from, to: now, now, timeZone: "UTC" });
    expect(trends.revenue).toEqual([]);
  });

  it("the daily trend adds up to the period's totals, in the store's zone", async () => {
    const kpis = await getChannelKpis(scopeOf(owner), { from, to: now, now });
    const trends = await getTrends(scopeOf(owner), { from, to: now, now, timeZone: "America/Los_Angeles" });
    for (const channel of ["TIKTOK_SHOP", "BRAND_SITE"] as const) {
      expect(trends.orders.reduce((n, d) => n + d[channel], 0)).toBe(kpis.find((k) => k.channel === channel)?.orders);
      for (const { currency, points } of trends.revenue) {
        const total = points.reduce((n, d) => n + d[channel], 0);
        expect(BigInt(total)).toBe(kpis.find((k) => k.channel === channel)?.revenue?.find((r) => r.currency === currency)?.minor ?? 0n);
      }
    }
    expect(trends.orders.length).toBeGreaterThanOrEqual(30);
    const weekly = trends.lateWeekly.reduce((a, w) => ({ late: a.late + w.late, total: a.total + w.total }), { late: 0, total: 0 });
    const tiktok = kpis.find((k) => k.channel === "TIKTOK_SHOP")?.lateDispatch;
    expect(weekly).toEqual({ late: tiktok?.late, total: tiktok?.total });
    expect(trends.lateWeekly[0]?.week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it("all stores: each store's own local days (from the daily roll-up) still add up to the period's totals", async () => {
    const kpis = await getChannelKpis(scopeOf(owner), { from, to: now, now });
    const trends = await getTrends(scopeOf(owner), { from, to: now, now, timeZone: null });
    expect(trends.timeZone).toBeNull();
    for (const channel of ["TIKTOK_SHOP", "BRAND_SITE"] as const) {
      expect(trends.orders.reduce((n, d) => n + d[channel], 0)).toBe(kpis.find((k) => k.channel === channel)?.orders);
    }
    const weekly = trends.lateWeekly.reduce((a, w) => ({ late: a.late + w.late, total: a.total + w.total }), { late: 0, total: 0 });
    const tiktok = kpis.find((k) => k.channel === "TIKTOK_SHOP")?.lateDispatch;
    expect(weekly).toEqual({ late: tiktok?.late, total: tiktok?.total });
    // One store's local day equals a direct count of its orders placed on that local date.
    const day = trends.orders.at(-5)?.day as string;
    const store = await prisma.store.findUniqueOrThrow({ where: { id: usStoreId }, select: { timeZone: true } });
    const direct = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Order" WHERE "storeId" = ${usStoreId} AND status <> 'CANCELLED'
        AND ("placedAt" AT TIME ZONE ${store.timeZone})::date = ${day}::date AND "placedAt" >= ${from} AND "placedAt" < ${now}`;
    const one = await getTrends(scopeOf(owner), { from, to: now, now, storeId: usStoreId, timeZone: null });
    expect(one.orders.find((d) => d.day === day)?.TIKTOK_SHOP).toBe(direct[0]?.n);
  });

  it("the repeat rate read on its own (bounded per request on the page) equals the one in the KPIs, or is marked pending", async () => {
    const filter = { from, to: now, now };
    const full = await getChannelKpis(scopeOf(owner), filter);
    const without = await getChannelKpis(scopeOf(owner), filter, { repeat: false });
    const merged = withRepeat(without, await getRepeatBuyers(scopeOf(owner), filter), scopeOf(owner));
    expect(merged.map((k) => k.repeat)).toEqual(full.map((k) => k.repeat));
    expect(full.find((k) => k.channel === "BRAND_SITE")?.repeat?.buyers).toBeGreaterThan(0);
    const pending = withRepeat(without, undefined, scopeOf(owner));
    expect(pending.every((k) => k.repeat === null && k.repeatPending === true)).toBe(true);
    // A supplier never gets the figure, pending or not.
    expect(withRepeat(await getChannelKpis(scopeOf(supplier), filter), undefined, scopeOf(supplier)).every((k) => k.repeat === null && !k.repeatPending)).toBe(
      true,
    );
  });
});
