import { describe, it, expect } from "vitest";
import { excelSerialToDate, parseShopifyExportTime, parseTikTokExportTime } from "./time";

const iso = (r: { ok: true; value: Date | null } | { ok: false; reason: string }): string | null | false =>
  r.ok ? (r.value ? r.value.toISOString() : null) : false;

describe("parseTikTokExportTime", () => {
  it("reads US month-first AM/PM times in the store zone", () => {
    expect(iso(parseTikTokExportTime("03/10/2025 02:05:00 PM", "America/New_York"))).toBe("2025-03-10T18:05:00.000Z");
    expect(iso(parseTikTokExportTime("12/31/2024 12:15:00 PM", "America/Los_Angeles"))).toBe("2024-12-31T20:15:00.000Z");
    expect(iso(parseTikTokExportTime("07/04/2025 12:00:00 AM", "America/New_York"))).toBe("2025-07-04T04:00:00.000Z");
  });

  it("reads TH/MY day-first 24-hour times in the store zone", () => {
    expect(iso(parseTikTokExportTime("13/02/2025 18:45:10", "Asia/Bangkok"))).toBe("2025-02-13T11:45:10.000Z");
    expect(iso(parseTikTokExportTime("01/03/2025 00:05:00", "Asia/Kuala_Lumpur"))).toBe("2025-02-28T16:05:00.000Z");
  });

  it("tolerates trailing tabs and empty cells", () => {
    expect(iso(parseTikTokExportTime("03/09/2025 01:30:00 AM\t", "America/New_York"))).toBe("2025-03-09T06:30:00.000Z");
    expect(iso(parseTikTokExportTime("", "America/New_York"))).toBeNull();
    expect(iso(parseTikTokExportTime("\t", "America/New_York"))).toBeNull();
  });

  it("rejects impossible dates instead of rolling them over", () => {
    expect(iso(parseTikTokExportTime("02/30/2025 10:00:00 AM", "UTC"))).toBe(false);
    expect(iso(parseTikTokExportTime("13/13/2025 10:00:00", "UTC"))).toBe(false);
    expect(iso(parseTikTokExportTime("02/01/2025 13:00:00 PM", "UTC"))).toBe(false);
    expect(iso(parseTikTokExportTime("yesterday", "UTC"))).toBe(false);
  });
});

describe("excelSerialToDate", () => {
  it("reads a serial as a wall time in the store zone", () => {
    // 45725.0633101852 = 2025-03-09 01:31:10
    const r = excelSerialToDate(45725 + (1 * 3600 + 31 * 60 + 10) / 86400, "America/New_York");
    expect(r.ok && r.value.toISOString()).toBe("2025-03-09T06:31:10.000Z");
  });
});

describe("parseShopifyExportTime", () => {
  it("applies the written offset", () => {
    expect(iso(parseShopifyExportTime("2025-03-09 10:15:00 -0500"))).toBe("2025-03-09T15:15:00.000Z");
    expect(iso(parseShopifyExportTime("2025-12-31 23:59:59 +0900"))).toBe("2025-12-31T14:59:59.000Z");
    expect(iso(parseShopifyExportTime("2025-06-01 08:00:00 +0530"))).toBe("2025-06-01T02:30:00.000Z");
    expect(iso(parseShopifyExportTime(""))).toBeNull();
  });

  it("rejects malformed or impossible times", () => {
    expect(iso(parseShopifyExportTime("2025-02-30 10:00:00 +0000"))).toBe(false);
    expect(iso(parseShopifyExportTime("2025-03-09 25:15:00 -0500"))).toBe(false);
    expect(iso(parseShopifyExportTime("2025-03-09T10:15:00Z"))).toBe(false);
  });
});
