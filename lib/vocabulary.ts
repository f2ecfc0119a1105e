import type { Channel, LabelSource, OrderStatus, Severity } from "@/lib/generated/prisma/enums";

// The words the product uses for its own enums, one wording each, for every screen, export and
// message (client-safe: plain data). Tones for badges are in components/ui/tones.ts; rule titles
// come from the policy calendar (ruleTitle in lib/policy/calendar.ts).

export const CHANNEL_LABEL: Record<Channel, string> = { TIKTOK_SHOP: "TikTok Shop", BRAND_SITE: "Brand site" };

export const STATUS_LABEL: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  ON_HOLD: "On hold",
  AWAITING_SHIPMENT: "Awaiting shipment",
  AWAITING_COLLECTION: "Awaiting collection",
  IN_TRANSIT: "In transit",
  DELIVERED: "Delivered",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const SEVERITY_LABEL: Record<Severity, string> = { INFO: "Info", WARNING: "Warning", CRITICAL: "Critical" };

export const LABEL_SOURCE_LABEL: Record<LabelSource, string> = { TIKTOK_SHIPPING: "TikTok Shipping", SELLER: "Seller-bought", UNKNOWN: "Unknown" };

/** A rule's title from `titles` (sent by the server from the calendar), else its id made readable ("tracking.invalid" → "Tracking invalid"). */
export function ruleTitleFrom(rule: string, titles: Record<string, string>): string {
  const known = titles[rule];
  if (known) return known;
  const text = rule.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
