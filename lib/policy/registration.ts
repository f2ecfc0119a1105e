import { addCalendarDays, daysBetween, endOfLocalDay, formatLocalDate, localDateOf, startOfLocalDay } from "./business-days";
import { type StoreContext, type StoreRule, makeFlag } from "./rule-kit";
import type { Flag } from "./types";

// Seed: US and UK cross-border stores. No effective date in the source; the calendar uses
// 2026-01-01. The rules are gated at `now` (they apply to existing stores too); the business age
// is measured at the store's join date, or today for an applicant.

export function checkBusinessAge({ store, now, settings }: StoreContext): Flag[] {
  if (!store.businessRegisteredOn) return [];
  const min = settings.registration.minBusinessAgeDays;
  const ref = localDateOf(store.market, store.joinedAt ?? now);
  const age = daysBetween(store.businessRegisteredOn, ref);
  if (age >= min) return [];
  const eligibleOn = addCalendarDays(store.businessRegisteredOn, min);
  const joined = store.joinedAt !== null && store.joinedAt.getTime() <= now.getTime();
  const reason = joined
    ? `The business was ${age} days old when the store joined; cross-border sellers need a business at least ${min} days old.`
    : `The business is ${age} days old; cross-border sellers need at least ${min} days — eligible from ${formatLocalDate(eligibleOn)}.`;
  return [
    makeFlag("registration.business_too_young", "critical", startOfLocalDay(store.market, eligibleOn), reason, [
      { field: "businessRegisteredOn", value: store.businessRegisteredOn },
      { field: "businessAgeDays", value: age },
    ]),
  ];
}

export function checkLicenceExpiry({ store, now, settings }: StoreContext): Flag[] {
  if (!store.licenceExpiresOn) return [];
  const { licenceMinDaysLeft: min, licenceWarnDaysLeft: warn } = settings.registration;
  const left = daysBetween(localDateOf(store.market, now), store.licenceExpiresOn);
  const evidence = [
    { field: "licenceExpiresOn", value: store.licenceExpiresOn },
    { field: "daysLeft", value: left },
  ];
  const expires = formatLocalDate(store.licenceExpiresOn);
  if (left < 0) {
    return [
      makeFlag(
        "registration.license_expiring",
        "critical",
        endOfLocalDay(store.market, store.licenceExpiresOn),
        `The business licence expired on ${expires}: upload a renewed licence now.`,
        evidence,
      ),
    ];
  }
  if (left < min) {
    return [
      makeFlag(
        "registration.license_expiring",
        "critical",
        endOfLocalDay(store.market, store.licenceExpiresOn),
        `The business licence expires on ${expires} (${left} days): it must stay valid at least ${min} more days — renew it now.`,
        evidence,
      ),
    ];
  }
  if (left <= warn) {
    // The error starts the day fewer than `min` days remain.
    const errorFrom = endOfLocalDay(store.market, addCalendarDays(store.licenceExpiresOn, -min));
    return [
      makeFlag(
        "registration.license_expiring",
        "warning",
        errorFrom,
        `The business licence expires on ${expires} (${left} days): renew it before fewer than ${min} days remain.`,
        evidence,
      ),
    ];
  }
  return [];
}

export function checkEntityEligible({ store }: StoreContext): Flag[] {
  if (store.entityType !== "SOLE_PROPRIETORSHIP" && store.entityType !== "INDIVIDUAL") return [];
  const what = store.entityType === "INDIVIDUAL" ? "A natural person / individual business" : "A sole proprietorship";
  return [
    makeFlag(
      "registration.entity_not_eligible",
      "critical",
      null,
      `${what} cannot be a ${store.market} cross-border seller: register the store to a company.`,
      [{ field: "entityType", value: store.entityType }],
    ),
  ];
}

export const REGISTRATION_RULES: readonly StoreRule[] = [
  { id: "registration.business_too_young", check: checkBusinessAge },
  { id: "registration.license_expiring", check: checkLicenceExpiry },
  { id: "registration.entity_not_eligible", check: checkEntityEligible },
];
