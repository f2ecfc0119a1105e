import type { Channel, OrderStatus, Severity } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "./badge";

// The badge colour of each enum value, one table each (the words are in lib/vocabulary.ts).

export const CHANNEL_TONE: Record<Channel, BadgeTone> = { TIKTOK_SHOP: "tiktok", BRAND_SITE: "brand" };

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
