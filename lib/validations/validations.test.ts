import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-result";
import { depositEntrySchema, listingPriceSchema, registrationSchema, videoSchema } from "./compliance";
import { checkDecisionForReason, decisionSchema } from "./returns";
import { labelSourceSchema, parseTrackingPaste, trackingFixSchema } from "./risk";
import { createShareLinkSchema } from "./share-links";
import { storeSettingsSchemaFor } from "./stores";
import { addUserSchema, changeRoleSchema, setActiveSchema } from "./users";

// The schemas every form and its server action share: what a user types, what is refused, and
// which field the message lands on.

const errorsOf = (result: { success: boolean; error?: unknown }) => (result.success ? {} : fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]));

describe("users", () => {
  it("normalises the e-mail and asks a supplier login for its supplier", () => {
    const ok = addUserSchema.safeParse({ email: "  Ops@Shop.Example ", name: "Ops", role: "OPS", password: "long-enough-1" });
    expect(ok.success && ok.data).toMatchObject({ email: "ops@shop.example", supplierId: null });
    expect(errorsOf(addUserSchema.safeParse({ email: "sam@example.com", name: "S", role: "SUPPLIER", password: "long-enough-1" }))).toEqual({
      supplierId: "A supplier user must belong to a supplier",
    });
    expect(errorsOf(addUserSchema.safeParse({ email: "not-an-email", name: "", role: "ADMIN", password: "short" }))).toMatchObject({
      email: "Enter a valid e-mail address",
      name: "Enter a name",
      role: "Choose a role",
      password: "At least 10 characters",
    });
  });
  it("role changes and (de)activation take only their own words", () => {
    expect(changeRoleSchema.safeParse({ userId: "u1", role: "SUPPLIER" }).success).toBe(false);
    expect(setActiveSchema.safeParse({ userId: "u1", active: "false" })).toMatchObject({ success: true, data: { active: false } });
    expect(setActiveSchema.safeParse({ userId: "u1", active: "maybe" }).success).toBe(false);
  });
});

describe("share links", () => {
  it("lasts 1 to 90 whole days, and a blank store means every store", () => {
    expect(createShareLinkSchema.safeParse({ supplierId: "s", label: "Nov", expiresInDays: "14", storeId: "" })).toMatchObject({
      success: true,
      data: { expiresInDays: 14, storeId: null },
    });
    expect(errorsOf(createShareLinkSchema.safeParse({ supplierId: "s", label: "Nov", expiresInDays: "91" }))).toEqual({ expiresInDays: "At most 90 days" });
    expect(errorsOf(createShareLinkSchema.safeParse({ supplierId: "s", label: "Nov", expiresInDays: "1.5" }))).toEqual({ expiresInDays: "Whole days only" });
  });
});

describe("return decisions", () => {
  it("a refusal needs a justification, and 'other' needs a note", () => {
    expect(errorsOf(decisionSchema.safeParse({ returnId: "r1", decision: "REFUSE" }))).toEqual({ justification: "Choose why you refuse this return" });
    expect(errorsOf(decisionSchema.safeParse({ returnId: "r1", decision: "REFUSE", justification: "OTHER" }))).toEqual({
      note: "Explain the refusal in a note",
    });
    expect(decisionSchema.safeParse({ returnId: "r1", decision: "APPROVE", justification: "" }).success).toBe(true);
  });
  it("a change of mind is refused only for a legitimate reason", () => {
    expect(checkDecisionForReason({ decision: "REFUSE", justification: "OTHER" }, "CHANGE_OF_MIND")).not.toEqual({});
    expect(checkDecisionForReason({ decision: "REFUSE", justification: "ITEM_USED_OR_DAMAGED" }, "CHANGE_OF_MIND")).toEqual({});
    expect(checkDecisionForReason({ decision: "REFUSE", justification: "OTHER" }, "DAMAGED")).toEqual({});
  });
});

describe("store settings", () => {
  const base = { name: "TikTok Shop US", timeZone: "America/Los_Angeles", market: "US", currency: "usd", joinedOn: "2025-09-01" };
  it("a TikTok store needs its kind; a brand site drops TikTok fields", () => {
    expect(errorsOf(storeSettingsSchemaFor("TIKTOK_SHOP").safeParse(base))).toEqual({ kind: "Choose local or cross-border." });
    const brand = storeSettingsSchemaFor("BRAND_SITE").safeParse({ ...base, kind: "LOCAL", tiktokAppSecret: "secret-value-1" });
    expect(brand.success && brand.data).toMatchObject({ currency: "USD", kind: undefined, tiktokAppSecret: undefined });
  });
  it("refuses an unknown zone, a non-https API URL and a too-short secret; a blank secret keeps the stored one", () => {
    const out = errorsOf(
      storeSettingsSchemaFor("TIKTOK_SHOP").safeParse({
        ...base,
        kind: "LOCAL",
        timeZone: "Mars/Base",
        tiktokApiBaseUrl: "http://x.example",
        tiktokAppSecret: "short",
      }),
    );
    expect(Object.keys(out).sort()).toEqual(["tiktokApiBaseUrl", "tiktokAppSecret", "timeZone"]);
    const kept = storeSettingsSchemaFor("TIKTOK_SHOP").safeParse({ ...base, kind: "LOCAL", tiktokAppSecret: "   " });
    expect(kept.success && kept.data.tiktokAppSecret).toBeUndefined();
  });
});

describe("compliance records", () => {
  it("reads money as exact minor units and refuses more decimals than the currency has", () => {
    expect(depositEntrySchema.safeParse({ storeId: "s", kind: "PAYMENT", amount: "1500.00", currency: "USD" })).toMatchObject({
      success: true,
      data: { amount: 150000 },
    });
    expect(listingPriceSchema.safeParse({ listingId: "l", channel: "TIKTOK_SHOP", currency: "USD", price: "19.999" }).success).toBe(false);
    expect(listingPriceSchema.safeParse({ listingId: "l", channel: "TIKTOK_SHOP", currency: "USD", price: "$19.99" }).success).toBe(false);
  });
  it("a registration date is a real calendar date; a video instant names its zone", () => {
    expect(
      registrationSchema.safeParse({ storeId: "s", legalName: "Co", entityType: "COMPANY", registrationCountry: "CN", incorporatedOn: "2025-02-30" }).success,
    ).toBe(false);
    expect(videoSchema.safeParse({ creatorId: "c", postedAt: "2026-11-20 10:00", title: "T", style: "DEMO" }).success).toBe(false);
    expect(videoSchema.safeParse({ creatorId: "c", postedAt: "2026-11-20T10:00:00Z", title: "T", style: "DEMO" }).success).toBe(true);
  });
});

describe("tracking fixes", () => {
  it("checks the number against the named carrier and normalises it", () => {
    const ok = trackingFixSchema.safeParse({ orderId: "o1", carrier: "ups", trackingNumber: " 1z999aa10123456784 " });
    expect(ok.success && ok.data).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(Object.keys(errorsOf(trackingFixSchema.safeParse({ orderId: "o1", carrier: "UPS", trackingNumber: "1Z999AA10123456785" })))).toEqual([
      "trackingNumber",
    ]);
    expect(errorsOf(trackingFixSchema.safeParse({ orderId: "o1", carrier: "Pigeon Post", trackingNumber: "123" })).carrier).toMatch(/Unknown carrier/);
    expect(labelSourceSchema.safeParse({ orderId: "o1", labelSource: "UNKNOWN" }).success).toBe(false);
  });
  it("a paste is read line by line, with duplicates inside it named", () => {
    const { lines } = parseTrackingPaste("order id,carrier,tracking\n5768001,UPS,1Z999AA10123456784\n5768002,UPS,1Z999AA10123456784\n5768003,UPS\n");
    expect(lines.map((l) => [l.line, l.error])).toEqual([
      [2, null],
      [3, "Duplicate in this paste: the same number is on line 2"],
      [4, "Expected 3 fields: order id, carrier, tracking number"],
    ]);
  });
});
