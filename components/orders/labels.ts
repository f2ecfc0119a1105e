import type { Channel, OrderStatus } from "@/lib/generated/prisma/enums";
import { moneyLocale as moneyLocaleIn } from "@/lib/i18n/intl-locale";

/** Statuses in which a TikTok order still waits for its first carrier scan (as lib/flags/sql.ts). */
const AWAITING_DISPATCH: readonly OrderStatus[] = ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"];

export function awaitsDispatch(order: { channel: Channel; status: OrderStatus; inTransitAt: string | Date | null }): boolean {
  return order.channel === "TIKTOK_SHOP" && order.inTransitAt === null && AWAITING_DISPATCH.includes(order.status);
}

export type RuleOption = { id: string; title: string };

/** Money per currency: in English the currency's home locale, else the viewer's `locale`. */
export function moneyLocale(currency: string, locale = "en"): string {
  return moneyLocaleIn(currency, locale);
}
