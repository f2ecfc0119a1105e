import type { RuleId } from "./types";

/**
 * Standing facts: true of a store since it joined, and nothing anyone can do today changes them
 * (a business 47 days old when the store joined, an ineligible entity type). They are listed as
 * "standing issues" on /compliance and the store page, never in the daily risk queue, where they
 * would sit on top as "overdue 443 d".
 */
export const STANDING_RULES = ["registration.business_too_young", "registration.entity_not_eligible"] as const satisfies readonly RuleId[];

export function isStandingRule(rule: string): boolean {
  return (STANDING_RULES as readonly string[]).includes(rule);
}
