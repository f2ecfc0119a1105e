import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATORS_PAGE_SIZE, getCreatorsPage, getListingParity, getListingParityPage } from "@/lib/data/compliance";
import { STORES_PAGE_SIZE, type StoreSummary, pageOfStores } from "@/lib/data/stores";
import { testDb } from "./db";

// No page renders an unbounded list: the listings page shows the riskiest few hundred of the
// catalogue and reads price history only for those; /creators shows a page of creators at a time.

const prisma = testDb();
let organizationId: string;
const now = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  organizationId = (await prisma.organization.create({ data: { name: "Catalogue Co" } })).id;
  for (let i = 0; i < 6; i++) {
    const listing = await prisma.listing.create({ data: { organizationId, sku: `CAT-${i}`, name: `Item ${i}`, availableStock: 10 } });
    await prisma.listingPrice.createMany({
      data: [
        { listingId: listing.id, channel: "TIKTOK_SHOP", currency: "USD", priceMinor: 1000 + i * 100, effectiveAt: new Date("2026-11-01T00:00:00Z") },
        { listingId: listing.id, channel: "BRAND_SITE", currency: "USD", priceMinor: 1000, effectiveAt: new Date("2026-11-02T00:00:00Z") },
      ],
    });
  }
});
afterAll(async () => {
  await prisma.organization.delete({ where: { id: organizationId } });
});

describe("listings page", () => {
  it("returns the riskiest listings up to the limit with their history, and the catalogue's size", async () => {
    const scope = { organizationId, supplierId: null, role: "OWNER" as const };
    const all = await getListingParity(scope, now);
    expect(all).toHaveLength(6);
    const page = await getListingParityPage(scope, now, 2);
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.sku)).toEqual(all.slice(0, 2).map((r) => r.sku));
    expect(page.rows.every((r) => r.history.length === 2)).toBe(true);
    expect(page.rows.map((r) => r.history)).toEqual(all.slice(0, 2).map((r) => r.history));
  });
});

describe("creators page", () => {
  it("shows a page of creators by handle, the total, and the last page for a page past the end", async () => {
    const store = await prisma.store.create({
      data: {
        organizationId,
        name: "Catalogue TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
      select: { id: true },
    });
    const count = CREATORS_PAGE_SIZE + 7;
    await prisma.creator.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        organizationId,
        storeId: store.id,
        handle: `maker${String(i).padStart(3, "0")}`,
        displayName: `Maker ${i}`,
      })),
    });
    const scope = { organizationId, supplierId: null, role: "OWNER" as const };
    const first = await getCreatorsPage(scope, now, 1);
    expect(first).toMatchObject({ total: count, page: 1, pages: 2, pageSize: CREATORS_PAGE_SIZE });
    expect(first.creators).toHaveLength(CREATORS_PAGE_SIZE);
    expect(first.creators[0]?.handle).toBe("maker000");
    const second = await getCreatorsPage(scope, now, 2);
    expect(second.creators.map((c) => c.handle)).toEqual(Array.from({ length: 7 }, (_, i) => `maker${String(CREATORS_PAGE_SIZE + i).padStart(3, "0")}`));
    expect((await getCreatorsPage(scope, now, 99)).page).toBe(2);
    expect((await getCreatorsPage({ ...scope, role: "SUPPLIER", supplierId: "x" }, now, 1)).creators).toEqual([]);
  });
});

describe("stores page", () => {
  const stores = Array.from({ length: 2 * STORES_PAGE_SIZE + 3 }, (_, i) => ({ id: `s${i}`, name: `Store ${i}` }) as StoreSummary);

  it("shows a page of stores at a time, in the listed order, with where it is", () => {
    const second = pageOfStores(stores, 2);
    expect(second).toMatchObject({ page: 2, pages: 3, pageSize: STORES_PAGE_SIZE, total: stores.length });
    expect(second.stores.map((s) => s.id)).toEqual(stores.slice(STORES_PAGE_SIZE, 2 * STORES_PAGE_SIZE).map((s) => s.id));
    expect(pageOfStores(stores, 3).stores).toHaveLength(3);
  });

  it("shows the last page for a page past it, and one page for a few stores", () => {
    expect(pageOfStores(stores, 99)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOfStores(stores.slice(0, 4), 1)).toMatchObject({ page: 1, pages: 1, total: 4 });
    expect(pageOfStores([], 1)).toMatchObject({ page: 1, pages: 1, total: 0, stores: [] });
  });
});
