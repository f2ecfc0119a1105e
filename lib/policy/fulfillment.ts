import { businessDeadline } from "./business-days";
import { reasonMessage, timeLeftParam } from "./reason";
import { DEFAULT_SETTINGS, type PolicySettings } from "./settings";
import { type OrderContext, type OrderRule, hasTracking, instantParam, isDispatched, iso, makeFlag } from "./rule-kit";
import { validateTracking } from "./tracking/validate";
import type { Flag, Market, OrderFacts } from "./types";

const HOUR = 3_600_000;

export type DispatchTimes = {
  /** Last on-time instant for In Transit: 23:59:59.000 local on the 2nd business day after the order date. */
  deadline: Date;
  /** Less than 24 h left strictly after this instant (deadline − 24 h). */
  dueSoonAt: Date;
  /** Less than 6 h left strictly after this instant (deadline − 6 h). */
  criticalAt: Date;
  /** End of the 7th business day: without tracking the platform auto-cancels (official). */
  autoCancelAt: Date;
};

/**
 * The instants a database stores when an order is written, so the time-dependent state can be
 * derived at read time: due_soon ⇔ now > dueSoonAt, critical ⇔ now > criticalAt,
 * overdue ⇔ now > deadline (and not in transit).
 */
export function dispatchTimes(market: Market, placedAt: Date, settings: PolicySettings = DEFAULT_SETTINGS): DispatchTimes {
  const deadline = businessDeadline(market, placedAt, settings.dispatch.businessDays);
  return {
    deadline,
    dueSoonAt: new Date(deadline.getTime() - settings.dispatch.dueSoonHours * HOUR),
    criticalAt: new Date(deadline.getTime() - settings.dispatch.criticalHours * HOUR),
    autoCancelAt: businessDeadline(market, placedAt, settings.autoCancel.businessDays),
  };
}

export type DispatchState =
  "not_applicable" | "on_track" | "due_soon" | "critical" | "overdue" | "dispatched_on_time" | "dispatched_late" | "dispatched_unknown";

export function dispatchState(order: OrderFacts, market: Market, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): DispatchState {
  // Unpaid or cancelled orders cannot be shipped, so the clock is not applied to them.
  if (order.status === "CANCELLED" || order.status === "AWAITING_PAYMENT") return "not_applicable";
  const t = dispatchTimes(market, order.placedAt, settings);
  if (isDispatched(order)) {
    const scan = order.inTransitAt;
    if (scan) return scan.getTime() <= t.deadline.getTime() ? "dispatched_on_time" : "dispatched_late";
    // Delivered without a recorded scan: on time only if delivery itself beat the deadline.
    if (order.deliveredAt && order.deliveredAt.getTime() <= t.deadline.getTime()) return "dispatched_on_time";
    return "dispatched_unknown";
  }
  const n = now.getTime();
  if (n > t.deadline.getTime()) return "overdue";
  if (n > t.criticalAt.getTime()) return "critical";
  if (n > t.dueSoonAt.getTime()) return "due_soon";
  return "on_track";
}

export function checkDispatchDeadline({ order, store, now, settings }: OrderContext): Flag[] {
  const state = dispatchState(order, store.market, now, settings);
  const { deadline } = dispatchTimes(store.market, order.placedAt, settings);
  const params = {
    deadline: instantParam(store.market, deadline, now),
    timeLeft: timeLeftParam(deadline, now),
    awaitingCollection: order.status === "AWAITING_COLLECTION",
  };
  const evidence = [
    { field: "placedAt", value: iso(order.placedAt) },
    { field: "deadline", value: iso(deadline) },
    { field: "status", value: order.status },
  ];
  switch (state) {
    case "due_soon":
      return [makeFlag("fulfillment.dispatch_deadline", "warning", deadline, reasonMessage("dispatch.dueSoon", params), evidence)];
    case "critical":
      return [makeFlag("fulfillment.dispatch_deadline", "critical", deadline, reasonMessage("dispatch.critical", params), evidence)];
    case "overdue":
      return [makeFlag("fulfillment.dispatch_deadline", "critical", deadline, reasonMessage("dispatch.overdue", params), evidence)];
    case "dispatched_late":
      return [
        makeFlag(
          "fulfillment.dispatch_deadline",
          "warning",
          deadline,
          reasonMessage("dispatch.late", { scannedAt: instantParam(store.market, order.inTransitAt ?? now, now), deadline: params.deadline }),
          [...evidence, { field: "inTransitAt", value: iso(order.inTransitAt) }],
        ),
      ];
    default:
      return [];
  }
}

export function checkAutoCancelRisk({ order, store, now, settings }: OrderContext): Flag[] {
  // The platform's trigger is "not yet Awaiting collection", i.e. no tracking uploaded.
  if (!(order.status === "AWAITING_SHIPMENT" || order.status === "ON_HOLD") || hasTracking(order) || isDispatched(order)) return [];
  const t = dispatchTimes(store.market, order.placedAt, settings);
  const n = now.getTime();
  // Before the dispatch deadline the dispatch flag already covers the order.
  if (n <= t.deadline.getTime()) return [];
  const autoCancelAt = instantParam(store.market, t.autoCancelAt, now);
  const evidence = [
    { field: "placedAt", value: iso(order.placedAt) },
    { field: "autoCancelAt", value: iso(t.autoCancelAt) },
    { field: "trackingNumber", value: null },
  ];
  if (n > t.autoCancelAt.getTime()) {
    return [
      makeFlag(
        "fulfillment.auto_cancel_risk",
        "critical",
        t.autoCancelAt,
        reasonMessage("autoCancel.passed", { businessDays: settings.autoCancel.businessDays, autoCancelAt }),
        evidence,
      ),
    ];
  }
  const severity = n > t.autoCancelAt.getTime() - settings.autoCancel.criticalHours * HOUR ? "critical" : "warning";
  return [
    makeFlag(
      "fulfillment.auto_cancel_risk",
      severity,
      t.autoCancelAt,
      reasonMessage("autoCancel.due", { autoCancelAt, timeLeft: timeLeftParam(t.autoCancelAt, now) }),
      evidence,
    ),
  ];
}

const MARKET_COUNTRY: Record<Market, string> = { US: "US", UK: "GB" };

export function checkOverseasDirect({ order, store }: OrderContext): Flag[] {
  const home = MARKET_COUNTRY[store.market];
  const flags: Flag[] = [];
  const from = order.shipFromCountry?.trim().toUpperCase() || null;
  if (from && from !== home && !(home === "GB" && from === "UK")) {
    flags.push(
      makeFlag("fulfillment.overseas_direct", "critical", null, reasonMessage("overseas.shipFrom", { country: from, market: store.market }), [
        { field: "shipFromCountry", value: from },
      ]),
    );
  }
  if (order.trackingNumber) {
    const r = validateTracking(order.trackingNumber, order.carrier);
    if (r.s10Country && r.s10Country !== home && (r.status === "valid" || r.status === "unverified")) {
      flags.push(
        makeFlag(
          "fulfillment.overseas_direct",
          "critical",
          null,
          reasonMessage("overseas.postedAbroad", { trackingNumber: r.normalised, country: r.s10Country }),
          [
            { field: "trackingNumber", value: r.normalised },
            { field: "s10Country", value: r.s10Country },
          ],
        ),
      );
    }
  }
  return flags;
}

export const FULFILLMENT_RULES: readonly OrderRule[] = [
  { id: "fulfillment.dispatch_deadline", check: checkDispatchDeadline },
  { id: "fulfillment.auto_cancel_risk", check: checkAutoCancelRisk },
  { id: "fulfillment.overseas_direct", check: checkOverseasDirect },
];
