import { listParam, messageParam, reasonMessage } from "./reason";
import { type OrderContext, type OrderRule, hasTracking, isDispatched, makeFlag } from "./rule-kit";
import { changeInForce } from "./changes";
import { CHINA_TO_US_OVERSIZE_ONLY, normaliseCarrierName } from "./tracking/carriers";
import { validateTracking } from "./tracking/validate";
import type { Flag } from "./types";

function usesUsps(ctx: OrderContext): boolean {
  const named = normaliseCarrierName(ctx.order.carrier);
  if (named) return named === "USPS";
  // No carrier named: fall back to the number's own format.
  return ctx.order.trackingNumber ? validateTracking(ctx.order.trackingNumber).carrier === "USPS" : false;
}

export function checkUspsLabel(ctx: OrderContext): Flag[] {
  const { order } = ctx;
  if (order.status === "CANCELLED" || order.status === "AWAITING_PAYMENT") return [];
  if (!usesUsps(ctx) || order.labelSource === "TIKTOK_SHIPPING") return [];
  const evidence = [
    { field: "carrier", value: order.carrier },
    { field: "labelSource", value: order.labelSource },
  ];
  if (order.labelSource === "SELLER") {
    return [makeFlag("label.usps_requires_tiktok_shipping", "warning", null, reasonMessage("label.uspsSellerBought"), evidence)];
  }
  return [makeFlag("label.usps_requires_tiktok_shipping", "info", null, reasonMessage("label.uspsCheck"), evidence)];
}

export function checkTrackingMissing({ order }: OrderContext): Flag[] {
  if (hasTracking(order)) return [];
  if (isDispatched(order)) {
    return [makeFlag("tracking.missing", "critical", null, reasonMessage("tracking.missingShipped"), [{ field: "trackingNumber", value: null }])];
  }
  if (order.status === "AWAITING_COLLECTION") {
    return [makeFlag("tracking.missing", "warning", null, reasonMessage("tracking.missingAwaitingCollection"), [{ field: "trackingNumber", value: null }])];
  }
  return [];
}

export function checkTrackingInvalid({ order, store }: OrderContext): Flag[] {
  if (!hasTracking(order) || !order.trackingNumber) return [];
  const r = validateTracking(order.trackingNumber, order.carrier);
  if (r.status !== "invalid") return [];
  const tiktok = store.channel === "TIKTOK_SHOP";
  return [
    makeFlag(
      "tracking.invalid",
      tiktok ? "critical" : "info",
      null,
      order.carrier
        ? reasonMessage("tracking.invalidForCarrier", { trackingNumber: r.normalised, carrier: order.carrier, detail: messageParam(r.detail) })
        : reasonMessage("tracking.invalid", { trackingNumber: r.normalised, detail: messageParam(r.detail) }),
      [
        { field: "trackingNumber", value: order.trackingNumber },
        { field: "carrier", value: order.carrier },
      ],
    ),
  ];
}

export function checkCarrierMismatch({ order, store }: OrderContext): Flag[] {
  if (!order.trackingNumber || !order.carrier) return [];
  const r = validateTracking(order.trackingNumber, order.carrier);
  if (r.status !== "mismatch") return [];
  return [
    makeFlag(
      "tracking.carrier_mismatch",
      store.channel === "TIKTOK_SHOP" ? "warning" : "info",
      null,
      r.carrier
        ? reasonMessage("tracking.mismatch", { carrier: order.carrier, trackingNumber: r.normalised, formatCarrier: r.carrier })
        : reasonMessage("tracking.mismatchUnknownCarrier", { carrier: order.carrier, trackingNumber: r.normalised }),
      [
        { field: "carrier", value: order.carrier },
        { field: "trackingNumber", value: order.trackingNumber },
        { field: "formatCarrier", value: r.carrier },
      ],
    ),
  ];
}

/** A US cross-border store shipping direct from China, judged by the designated list (from 2026-02-01, press). */
export function shipsChinaToUs(ctx: Pick<OrderContext, "order" | "store" | "settings">): boolean {
  const { order, store, settings } = ctx;
  const from = order.shipFromCountry?.trim().toUpperCase();
  return (
    store.market === "US" &&
    store.kind === "CROSS_BORDER" &&
    from === "CN" &&
    changeInForce("tracking.china_us_designated_carriers", "US", order.placedAt, settings)
  );
}

export function checkCarrierApproved({ order, store, settings }: OrderContext): Flag[] {
  const name = order.carrier?.trim();
  if (!name) return [];
  const carrier = normaliseCarrierName(name);
  if (shipsChinaToUs({ order, store, settings })) {
    const designated = settings.tracking.chinaToUsCarriers;
    const evidence = [
      { field: "carrier", value: name },
      { field: "shipFromCountry", value: "CN" },
    ];
    if (carrier && designated.includes(carrier)) {
      if (!CHINA_TO_US_OVERSIZE_ONLY.includes(carrier)) return [];
      return [makeFlag("tracking.carrier_not_approved", "info", null, reasonMessage("tracking.oversizeOnly", { carrier }), evidence)];
    }
    return [
      makeFlag(
        "tracking.carrier_not_approved",
        "warning",
        null,
        reasonMessage("tracking.notDesignated", {
          carrier: name,
          carriers: listParam(designated.filter((c) => !CHINA_TO_US_OVERSIZE_ONLY.includes(c))),
        }),
        evidence,
      ),
    ];
  }
  const approved = settings.tracking.approvedCarriers[store.market];
  if (carrier && approved.includes(carrier)) return [];
  // The UK list is a partial 3P list: absence from it is a prompt to check, not a breach.
  const severity = store.market === "UK" ? "info" : "warning";
  return [
    makeFlag("tracking.carrier_not_approved", severity, null, reasonMessage("tracking.notApproved", { carrier: name, market: store.market }), [
      { field: "carrier", value: name },
    ]),
  ];
}

export function checkDuplicateTracking({ order, store, duplicateOrderIds }: OrderContext): Flag[] {
  if (!duplicateOrderIds || duplicateOrderIds.length === 0 || !order.trackingNumber) return [];
  return [
    makeFlag(
      "tracking.duplicate",
      store.channel === "TIKTOK_SHOP" ? "critical" : "info",
      null,
      reasonMessage("tracking.duplicate", {
        trackingNumber: order.trackingNumber,
        count: duplicateOrderIds.length,
        orderIds: listParam(duplicateOrderIds),
      }),
      [
        { field: "trackingNumber", value: order.trackingNumber },
        { field: "otherOrderIds", value: duplicateOrderIds.join(",") },
      ],
    ),
  ];
}

export const LABELS_TRACKING_RULES: readonly OrderRule[] = [
  { id: "label.usps_requires_tiktok_shipping", check: checkUspsLabel },
  { id: "tracking.missing", check: checkTrackingMissing },
  { id: "tracking.invalid", check: checkTrackingInvalid },
  { id: "tracking.carrier_mismatch", check: checkCarrierMismatch },
  { id: "tracking.carrier_not_approved", check: checkCarrierApproved },
  { id: "tracking.duplicate", check: checkDuplicateTracking },
];

/** Brand-site orders are never judged by TikTok rules; these are reported to them as info only. */
export const BRAND_SITE_INFO_RULES: readonly OrderRule[] = [
  { id: "tracking.invalid", check: checkTrackingInvalid },
  { id: "tracking.carrier_mismatch", check: checkCarrierMismatch },
  { id: "tracking.duplicate", check: checkDuplicateTracking },
];
