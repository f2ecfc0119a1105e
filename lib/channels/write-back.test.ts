import { describe, expect, it } from "vitest";
import { parseTrackingApiBody } from "@/lib/validations/tracking-api";
import { backoffAfter } from "./push";
import { sellableQuantity } from "./stock-push";
import { matchProvider, noProviderReason } from "./tiktok-write-back";

const PROVIDERS = [
  { id: "1", name: "USPS" },
  { id: "2", name: "FedEx Ground" },
  { id: "3", name: "DHL eCommerce" },
];

describe("TikTok shipping provider for a carrier", () => {
  it("matches by the validator's alias table, not by spelling", () => {
    expect(matchProvider(PROVIDERS, "usps")?.id).toBe("1");
    expect(matchProvider(PROVIDERS, "FedEx")?.id).toBe("2");
    expect(matchProvider(PROVIDERS, "DHL eCommerce")?.id).toBe("3");
  });
  it("keeps DHL Express apart from DHL eCommerce, and says what the option offers", () => {
    expect(matchProvider(PROVIDERS, "DHL Express")).toBeNull();
    expect(noProviderReason("UPS", PROVIDERS)).toBe(
      "TikTok Shop has no shipping provider for UPS on this order's delivery option (it offers: USPS, FedEx Ground, DHL eCommerce)",
    );
    expect(noProviderReason("UPS", [])).toContain("(it offers: none)");
  });
});

describe("push backoff", () => {
  it("grows with each attempt and stays at its ceiling", () => {
    const waits = [1, 2, 3, 4, 5, 9].map(backoffAfter);
    expect(waits).toEqual([30_000, 120_000, 480_000, 1_800_000, 1_800_000, 1_800_000]);
  });
});

describe("sellable quantity", () => {
  it("is stock minus open demand minus the buffer, never below zero", () => {
    expect(sellableQuantity(10, 3, 2)).toBe(5);
    expect(sellableQuantity(3, 7, 0)).toBe(0);
  });
});

describe("POST /api/orders/<id>/tracking body", () => {
  const fail = (body: unknown) => {
    try {
      parseTrackingApiBody("order1", body);
    } catch (error) {
      return (error as { details?: { fieldErrors?: Record<string, string> } }).details?.fieldErrors;
    }
    return null;
  };
  it("takes the form's fields, normalises the carrier and the number", () => {
    expect(parseTrackingApiBody("order1", { carrier: "united parcel service", trackingNumber: " 1z999aa1 0123456784 ", labelSource: "SELLER" })).toEqual({
      orderId: "order1",
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      labelSource: "SELLER",
    });
  });
  it("names the field and the reason of what it refuses", () => {
    expect(fail({ carrier: "UPS", trackingNumber: "1Z999AA10123456785" })).toHaveProperty("trackingNumber");
    expect(fail({ carrier: "USPS", trackingNumber: "1Z999AA10123456784" })?.trackingNumber).toMatch(/UPS/);
    expect(fail({ carrier: "Owl", trackingNumber: "1Z999AA10123456784" })).toEqual({ carrier: 'Unknown carrier "Owl"' });
    expect(fail({ carrier: "UPS", trackingNumber: "1Z999AA10123456784", note: "x" })).toEqual({ note: "Not a field of this API" });
    expect(fail([1, 2])).toHaveProperty("body");
  });
});
