import type { BadgeTone } from "@/components/ui/badge";
import type { Channel, LabelSource, OrderStatus, Severity } from "@/lib/generated/prisma/enums";

export const CHANNEL_NAME: Record<Channel, string> = { TIKTOK_SHOP: "TikTok Shop", BRAND_SITE: "Brand site" };
export const CHANNEL_TONE: Record<Channel, BadgeTone> = { TIKTOK_SHOP: "tiktok", BRAND_SITE: "brand" };

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

export const STATUS_TONE: Record<OrderStatus, BadgeTone> = {
  AWAITING_PAYMENT: "neutral",
  ON_HOLD: "warning",
  AWAITING_SHIPMENT: "info",
  AWAITING_COLLECTION: "info",
  IN_TRANSIT: "info",
  DELIVERED: "success",
  COMPLETED: "success",
  CANCELLED: "neutral",
};

export const SEVERITY_TONE: Record<Severity, BadgeTone> = { INFO: "info", WARNING: "warning", CRITICAL: "critical" };
export const SEVERITY_LABEL: Record<Severity, string> = { INFO: "Info", WARNING: "Warning", CRITICAL: "Critical" };

export const LABEL_SOURCE_LABEL: Record<LabelSource, string> = { TIKTOK_SHIPPING: "TikTok Shipping", SELLER: "Seller's own", UNKNOWN: "Unknown" };

/** Statuses in which a TikTok order still waits for its first carrier scan (as lib/risk/sql.ts). */
const AWAITING_DISPATCH: readonly OrderStatus[] = ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"];

export function awaitsDispatch(order: { channel: Channel; status: OrderStatus; inTransitAt: string | Date | null }): boolean {
  return order.channel === "TIKTOK_SHOP" && order.inTransitAt === null && AWAITING_DISPATCH.includes(order.status);
}

export type RuleOption = { id: string; title: string };

/** A rule's title when the server sent one, else its id made readable ("tracking.invalid" → "Tracking invalid"). */
export function ruleTitle(rule: string, titles: Record<string, string>): string {
  const known = titles[rule];
  if (known) return known;
  const text = rule.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Money per currency, in the currency's home locale. */
export function moneyLocale(currency: string): string {
  return currency === "GBP" ? "en-GB" : "en-US";
}
