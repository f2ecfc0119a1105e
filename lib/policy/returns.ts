import { businessDeadline } from "./business-days";
import { LEGITIMATE_REFUSALS } from "./calendar";
import { changeInForce } from "./changes";
import { reasonMessage, timeLeftParam } from "./reason";
import { instantParam, makeFlag } from "./rule-kit";
import type { PolicySettings } from "./settings";
import type { Flag, ReturnFacts } from "./types";

export type ReturnContext = { ret: ReturnFacts; now: Date; settings: PolicySettings };

const HOUR = 3_600_000;

// Seed, from 2026-01-15: "change of mind" may be refused only with a legitimate justification;
// otherwise the platform may step in and refund the buyer at the seller's cost.
export function checkChangeOfMindRefusal({ ret }: ReturnContext): Flag[] {
  if (ret.reason !== "CHANGE_OF_MIND" || ret.decision !== "REFUSED") return [];
  const j = ret.refusalJustification;
  if (j !== null && (LEGITIMATE_REFUSALS as readonly string[]).includes(j)) return [];
  const evidence = [
    { field: "reason", value: ret.reason },
    { field: "refusalJustification", value: j },
  ];
  if (j === "OTHER") {
    return [makeFlag("returns.change_of_mind_refused_unjustified", "warning", null, reasonMessage("returns.refusedOther"), evidence)];
  }
  return [makeFlag("returns.change_of_mind_refused_unjustified", "critical", null, reasonMessage("returns.refusedUnjustified"), evidence)];
}

export type ReturnResponseWindow =
  { kind: "hours"; hours: number; due: Date } | { kind: "business_days"; businessDays: number; largeRefund: boolean; due: Date };

/** Strictly more than the large-refund line ($100.00 → from 10001 cents), in the market's currency. */
export function isLargeRefund(ret: Pick<ReturnFacts, "refundMinor" | "currency">, settings: PolicySettings): boolean {
  if (ret.refundMinor === null || ret.refundMinor === undefined) return false;
  if (ret.currency && ret.currency.toUpperCase() !== "USD") return false;
  return ret.refundMinor > settings.returns.usLargeRefundOverMinor;
}

/**
 * How long the seller has to answer, then the platform auto-approves. US requests from
 * 2026-02-25 (official): the end of the 2nd business day after the request's local date, the
 * 4th for refunds over $100.00 (an unknown refund gets the shorter window). UK, and US requests
 * before that date: requestedAt + 48 h (3P).
 */
export function returnResponseWindow(
  ret: Pick<ReturnFacts, "requestedAt" | "market" | "refundMinor" | "currency">,
  settings: PolicySettings,
): ReturnResponseWindow {
  if (ret.market === "US" && changeInForce("returns.response_window_business_days", "US", ret.requestedAt, settings)) {
    const largeRefund = isLargeRefund(ret, settings);
    const businessDays = largeRefund ? settings.returns.usLargeRefundBusinessDays : settings.returns.usBusinessDays;
    return { kind: "business_days", businessDays, largeRefund, due: businessDeadline("US", ret.requestedAt, businessDays) };
  }
  const hours = settings.returns.responseHours;
  return { kind: "hours", hours, due: new Date(ret.requestedAt.getTime() + hours * HOUR) };
}

/** The instant the platform auto-approves an unanswered request. */
export function returnResponseDeadline(ret: Pick<ReturnFacts, "requestedAt" | "market" | "refundMinor" | "currency">, settings: PolicySettings): Date {
  return returnResponseWindow(ret, settings).due;
}

export function checkReturnResponse({ ret, now, settings }: ReturnContext): Flag[] {
  if (ret.decision !== "PENDING" || ret.respondedAt !== null) return [];
  const window = returnResponseWindow(ret, settings);
  return returnResponseFlag(window.due, ret.market, now, settings, [
    { field: "requestedAt", value: ret.requestedAt.toISOString() },
    { field: "respondBy", value: window.due.toISOString() },
    {
      field: "window",
      value: window.kind === "hours" ? `${window.hours} h` : `${window.businessDays} business days${window.largeRefund ? " (refund over $100)" : ""}`,
    },
  ]);
}

/** Whether the platform has already auto-approved a pending request (its window has passed): a missed return. */
export function isAutoApproved(due: Date, now: Date): boolean {
  return due.getTime() < now.getTime();
}

/** The response flag of a pending request due at `due` (the queue derives `due` in SQL). */
export function returnResponseFlag(
  due: Date,
  market: ReturnFacts["market"],
  now: Date,
  settings: PolicySettings,
  evidence: Flag["evidence"] = [{ field: "respondBy", value: due.toISOString() }],
): Flag[] {
  const left = due.getTime() - now.getTime();
  const when = instantParam(market, due, now);
  if (left < 0) {
    return [makeFlag("returns.response_due", "critical", due, reasonMessage("returns.missed", { due: when }), evidence)];
  }
  const severity = left < settings.returns.criticalHours * HOUR ? "critical" : left < settings.returns.dueSoonHours * HOUR ? "warning" : "info";
  return [makeFlag("returns.response_due", severity, due, reasonMessage("returns.answerBy", { due: when, timeLeft: timeLeftParam(due, now) }), evidence)];
}

export const RETURN_RULES = [
  { id: "returns.change_of_mind_refused_unjustified", check: checkChangeOfMindRefusal },
  { id: "returns.response_due", check: checkReturnResponse },
] as const;
