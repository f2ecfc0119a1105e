import { formatLocal, formatTimeLeft } from "./business-days";
import { LEGITIMATE_REFUSALS } from "./calendar";
import { makeFlag } from "./rule-kit";
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
    return [
      makeFlag(
        "returns.change_of_mind_refused_unjustified",
        "warning",
        null,
        "Change-of-mind return refused for an 'other' reason: only use, damage, missing parts, an expired window or a non-returnable item justify a refusal — expect platform review.",
        evidence,
      ),
    ];
  }
  return [
    makeFlag(
      "returns.change_of_mind_refused_unjustified",
      "critical",
      null,
      "Change-of-mind return refused without a justification: the platform may step in and refund the buyer at your cost. Record why (used/damaged, parts missing, outside the window, non-returnable) or accept it.",
      evidence,
    ),
  ];
}

/** requestedAt + the response window (3P: 48 h, then auto-approved). */
export function returnResponseDeadline(ret: Pick<ReturnFacts, "requestedAt">, settings: PolicySettings): Date {
  return new Date(ret.requestedAt.getTime() + settings.returns.responseHours * HOUR);
}

export function checkReturnResponse({ ret, now, settings }: ReturnContext): Flag[] {
  if (ret.decision !== "PENDING" || ret.respondedAt !== null) return [];
  const due = returnResponseDeadline(ret, settings);
  const left = due.getTime() - now.getTime();
  const when = formatLocal(ret.market, due);
  const evidence = [
    { field: "requestedAt", value: ret.requestedAt.toISOString() },
    { field: "respondBy", value: due.toISOString() },
  ];
  if (left < 0) {
    return [makeFlag("returns.response_due", "critical", due, `Return request not answered by ${when}: it is auto-approved and refunded at your cost.`, evidence)];
  }
  const severity = left < settings.returns.criticalHours * HOUR ? "critical" : left < settings.returns.dueSoonHours * HOUR ? "warning" : "info";
  return [makeFlag("returns.response_due", severity, due, `Answer the return request by ${when} — ${formatTimeLeft(due, now)}; after that it is auto-approved.`, evidence)];
}

export const RETURN_RULES = [
  { id: "returns.change_of_mind_refused_unjustified", check: checkChangeOfMindRefusal },
  { id: "returns.response_due", check: checkReturnResponse },
] as const;
