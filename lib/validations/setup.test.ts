import { afterEach, describe, expect, it, vi } from "vitest";
import { isSignUpAllowed } from "@/lib/env";
import { assignOrdersSchema, newStoreSchema, signUpSchema } from "./setup";

describe("a new store's fields", () => {
  it("makes a TikTok store local unless told otherwise, and takes the currency from the market", () => {
    expect(newStoreSchema.parse({ name: " UK shop ", channel: "TIKTOK_SHOP", market: "UK", timeZone: "Europe/London" })).toMatchObject({
      name: "UK shop",
      kind: "LOCAL",
      currency: "GBP",
    });
    expect(newStoreSchema.parse({ name: "Site", channel: "BRAND_SITE", market: "US", kind: "CROSS_BORDER", timeZone: "America/New_York" })).toMatchObject({
      kind: null,
      currency: "USD",
    });
  });

  it("names every bad field", () => {
    const r = newStoreSchema.safeParse({ name: "", channel: "EBAY", market: "FR", kind: "X", timeZone: "Mars/Base", joinedOn: "2025-02-30" });
    expect(r.success).toBe(false);
    expect(new Set(r.error?.issues.map((i) => i.path[0]))).toEqual(new Set(["name", "channel", "market", "kind", "timeZone", "joinedOn"]));
  });
});

describe("sign-up", () => {
  it("needs 12 characters of password and a real e-mail", () => {
    expect(signUpSchema.safeParse({ organization: "A", email: "a@b.test", password: "x".repeat(11) }).success).toBe(false);
    expect(signUpSchema.parse({ organization: " A ", email: " Ann@B.test ", password: "x".repeat(12) })).toEqual({
      organization: "A",
      email: "ann@b.test",
      password: "x".repeat(12),
    });
  });

  afterEach(() => vi.unstubAllEnvs());
  it("is off in production unless ALLOW_SIGNUP=1, on elsewhere unless ALLOW_SIGNUP=0", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ALLOW_SIGNUP", "");
    expect(isSignUpAllowed()).toBe(false);
    vi.stubEnv("ALLOW_SIGNUP", "1");
    expect(isSignUpAllowed()).toBe(true);
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("ALLOW_SIGNUP", "0");
    expect(isSignUpAllowed()).toBe(false);
  });
});

describe("manual assignment", () => {
  it("takes a comma-separated list from a form, and an empty supplier as 'back to the rules'", () => {
    expect(assignOrdersSchema.parse({ orderIds: "a1, b2,,", supplierId: "" })).toEqual({ orderIds: ["a1", "b2"], supplierId: null });
    expect(assignOrdersSchema.safeParse({ orderIds: "", supplierId: "s" }).success).toBe(false);
  });
});
