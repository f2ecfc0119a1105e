import type { OrderFacts, StoreFacts, StoreProfileFacts } from "./types";

// Shared builders for the colocated tests (not imported by production code).

export const US_LOCAL: StoreFacts = { channel: "TIKTOK_SHOP", market: "US", kind: "LOCAL", timeZone: "America/Los_Angeles" };
export const US_XB: StoreFacts = { channel: "TIKTOK_SHOP", market: "US", kind: "CROSS_BORDER" };
export const UK_LOCAL: StoreFacts = { channel: "TIKTOK_SHOP", market: "UK", kind: "LOCAL" };
export const BRAND: StoreFacts = { channel: "BRAND_SITE", market: "US", kind: null };

export function makeOrder(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: "o1",
    channel: "TIKTOK_SHOP",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date("2026-03-04T18:00:00Z"),
    paidAt: null,
    inTransitAt: null,
    deliveredAt: null,
    cancelledAt: null,
    carrier: null,
    trackingNumber: null,
    labelSource: "UNKNOWN",
    shipFromCountry: "US",
    ...overrides,
  };
}

export function makeStoreProfile(overrides: Partial<StoreProfileFacts> = {}): StoreProfileFacts {
  return {
    ...US_XB,
    id: "s1",
    joinedAt: new Date("2025-06-01T12:00:00Z"),
    depositMinor: 150_000,
    businessRegisteredOn: "2024-01-01",
    licenceExpiresOn: "2030-01-01",
    entityType: "COMPANY",
    ...overrides,
  };
}
