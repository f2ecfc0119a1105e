import { describe, expect, it } from "vitest";
import type { Digest } from "@/lib/data/digest";
import { digestText } from "./digest-text";

const base: Digest = {
  organization: "Demo Co",
  generatedAt: new Date("2026-11-25T14:05:00Z"),
  totals: { open: 0, critical: 0, overdue: 0, dueSoon: 0 },
  dueSoonHours: 24,
  missedReturns: { count: 0, days: 7 },
  rules: [],
  stores: [{ id: "s1", name: "TikTok US", timeZone: "America/Los_Angeles", open: 0, critical: 0, missedReturns: 0 }],
  urgent: [],
};

const item = (n: number, overdue: boolean) => ({
  key: `k${n}`,
  rule: "fulfillment.dispatch_deadline",
  severity: "CRITICAL" as const,
  dueAt: new Date("2026-11-26T07:59:59Z"),
  overdue,
  reason: `Order #${n} must be in transit by the deadline.`,
  reasonText: `Order #${n} must be in transit by the deadline.`,
  reasonKey: null,
  reasonParams: {},
  subjectType: "ORDER",
  subjectId: `o${n}`,
  order: {
    id: `o${n}`,
    externalId: `#${n}`,
    channel: "TIKTOK_SHOP" as const,
    status: "AWAITING_SHIPMENT" as const,
    carrier: null,
    trackingNumber: null,
    labelSource: "UNKNOWN",
  },
  store: { id: "s1", name: "TikTok US", timeZone: "America/Los_Angeles", market: "US" as const },
});

describe("digestText", () => {
  it("says plainly when nothing is open", () => {
    const text = digestText(base, "https://app.example/risk");
    expect(text).toContain("Daily digest: Demo Co, 25 Nov 2026, 14:05 UTC");
    expect(text).toContain("Nothing is open. No flag needs action.");
    expect(text).not.toContain("By store");
    expect(text.endsWith("Open the queue: https://app.example/risk\n")).toBe(true);
  });

  it("lists the urgent items in the store's zone, the rest as a count, and only busy stores", () => {
    const digest: Digest = {
      ...base,
      totals: { open: 1234, critical: 3, overdue: 1, dueSoon: 1 },
      rules: [{ rule: "fulfillment.dispatch_deadline", title: "2-business-day dispatch", count: 1234, critical: 3, overdue: 1, dueSoon: 1 }],
      stores: [
        ...base.stores.map((s) => ({ ...s, open: 1234, critical: 3 })),
        { id: "s2", name: "Quiet store", timeZone: "UTC", open: 0, critical: 0, missedReturns: 0 },
      ],
      urgent: [item(1, true), item(2, false)],
    };
    const text = digestText(digest, "https://app.example/risk");
    expect(text).toContain("1,234 open flags: 1 overdue, 1 due in the next 24 hours, 3 critical.");
    expect(text).toContain("- [CRITICAL] ");
    expect(text).toContain("· TikTok US · #1 · overdue since 25 Nov 2026, 23:59 PST");
    expect(text).toContain("· TikTok US · #2 · due 25 Nov 2026, 23:59 PST");
    expect(text).toContain("- … and 1,232 more in the queue");
    expect(text).toContain("- TikTok US: 1,234 open flags (3 critical)");
    expect(text).not.toContain("Quiet store");
    expect(text).not.toContain("Missed:");
  });

  it("counts auto-approved returns as missed and names the organisation's due-soon hours", () => {
    const digest: Digest = {
      ...base,
      totals: { open: 2, critical: 0, overdue: 0, dueSoon: 1 },
      dueSoonHours: 12,
      missedReturns: { count: 2, days: 7 },
      stores: base.stores.map((s) => ({ ...s, open: 2, missedReturns: 2 })),
    };
    const text = digestText(digest, "https://app.example/risk");
    expect(text).toContain("2 open flags: 0 overdue, 1 due in the next 12 hours, 0 critical.");
    expect(text).toContain("Missed: 2 return requests auto-approved by the platform in the last 7 days (not answered in time).");
    expect(text).toContain("- TikTok US: 2 open flags (0 critical, 2 missed returns)");
  });
});
