import { describe, expect, it } from "vitest";
import { maskSecret, parseSettingAssignments, printableSettings, STORE_SETTING_KEYS } from "./store-settings";

describe("store set: key=value arguments", () => {
  it("takes exactly the contract's keys, validates values and clears with key=", () => {
    expect(parseSettingAssignments(["shopifyDomain=Demo-Shop.myshopify.com", "shopifyApiBaseUrl=http://127.0.0.1:4010", "tiktokApiBaseUrl="])).toEqual({
      ok: true,
      updates: { shopifyDomain: "demo-shop.myshopify.com", shopifyApiBaseUrl: "http://127.0.0.1:4010", tiktokApiBaseUrl: null },
    });
    expect(parseSettingAssignments(["shopifyPassword=x"])).toEqual({ ok: false, message: expect.stringContaining('unknown key "shopifyPassword"') });
    expect(parseSettingAssignments(["shopifyDomain=example.com"])).toEqual({ ok: false, message: expect.stringMatching(/^shopifyDomain: .*myshopify\.com/) });
    // Plain http only to this machine: a token must never travel in clear to anywhere else.
    expect(parseSettingAssignments(["shopifyApiBaseUrl=http://shop.example.com"])).toEqual({
      ok: false,
      message: expect.stringMatching(/^shopifyApiBaseUrl: /),
    });
    expect(parseSettingAssignments(["justtext"])).toEqual({ ok: false, message: '"justtext" is not key=value' });
    expect(parseSettingAssignments([])).toMatchObject({ ok: false });
  });

  it("prints every key with the secrets masked", () => {
    const row = {
      id: "s1",
      name: "Brand",
      channel: "BRAND_SITE",
      organizationId: "o1",
      connectionState: null,
      connectionMessage: null,
      shopifyWebhookTopics: [],
      lastSyncedAt: null,
      ...Object.fromEntries(STORE_SETTING_KEYS.map((k) => [k, null])),
      shopifyDomain: "demo.myshopify.com",
      shopifyAccessToken: "shpat_abcdefghijkl1234",
      webhookSecret: "short",
    } as unknown as Parameters<typeof printableSettings>[0];
    const printed = printableSettings(row);
    expect(Object.keys(printed.settings)).toEqual([...STORE_SETTING_KEYS]);
    expect(printed.settings).toMatchObject({
      shopifyDomain: "demo.myshopify.com",
      shopifyAccessToken: "********1234",
      webhookSecret: "********",
      tiktokAccessToken: null,
    });
    expect(maskSecret(null)).toBeNull();
  });
});
