import { addCalendarDays, daysBetween, endOfLocalDay, localDateOf, startOfLocalDay } from "./business-days";
import { dateParam, reasonMessage } from "./reason";
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
    ? reasonMessage("registration.tooYoungAtJoin", { age, min })
    : reasonMessage("registration.tooYoung", { age, min, eligibleOn: dateParam(eligibleOn) });
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
  const expires = dateParam(store.licenceExpiresOn);
  if (left < 0) {
    return [
      makeFlag(
        "registration.license_expiring",
        "critical",
        endOfLocalDay(store.market, store.licenceExpiresOn),
        reasonMessage("registration.licenceExpired", { expires }),
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
        reasonMessage("registration.licenceTooShort", { expires, left, min }),
        evidence,
      ),
    ];
  }
  if (left <= warn) {
    // The error starts the day fewer than `min` days remain.
    const errorFrom = endOfLocalDay(store.market, addCalendarDays(store.licenceExpiresOn, -min));
    return [makeFlag("registration.license_expiring", "warning", errorFrom, reasonMessage("registration.licenceExpiring", { expires, left, min }), evidence)];
  }
  return [];
}

export function checkEntityEligible({ store }: StoreContext): Flag[] {
  if (store.entityType !== "SOLE_PROPRIETORSHIP" && store.entityType !== "INDIVIDUAL") return [];
  return [
    makeFlag(
      "registration.entity_not_eligible",
      "critical",
      null,
      reasonMessage(store.entityType === "INDIVIDUAL" ? "registration.individual" : "registration.soleProprietorship", { market: store.market }),
      [{ field: "entityType", value: store.entityType }],
    ),
  ];
}

export const REGISTRATION_RULES: readonly StoreRule[] = [
  { id: "registration.business_too_young", check: checkBusinessAge },
  { id: "registration.license_expiring", check: checkLicenceExpiry },
  { id: "registration.entity_not_eligible", check: checkEntityEligible },
];
