import { describe, expect, it } from "vitest";
import { evaluateStore } from "./index";
import { UK_LOCAL, makeStoreProfile } from "./test-fixtures";

const now = new Date("2026-03-02T20:00:00Z"); // Mon 2 Mar 2026 in LA and London
const reg = (over: Parameters<typeof makeStoreProfile>[0], at = now) =>
  evaluateStore(makeStoreProfile(over), at)
    .filter((f) => f.rule.startsWith("registration."))
    .map((f) => [f.rule, f.severity]);

describe("registration.business_too_young (≥ 60 days)", () => {
  it.each([
    ["2026-01-02", 59, [["registration.business_too_young", "critical"]]],
    ["2026-01-01", 60, []],
  ])("registered %s (%i days) applying now", (registeredOn, _age, expected) => {
    expect(reg({ businessRegisteredOn: registeredOn, joinedAt: null })).toEqual(expected);
  });
  it("measures the age at the join date for existing stores", () => {
    expect(reg({ businessRegisteredOn: "2025-12-01", joinedAt: new Date("2026-01-15T20:00:00Z") })).toEqual([["registration.business_too_young", "critical"]]);
    expect(reg({ businessRegisteredOn: "2025-11-16", joinedAt: new Date("2026-01-15T20:00:00Z") })).toEqual([]);
  });
});

describe("registration.license_expiring (warn from 120 days, error under 90)", () => {
  it.each([
    ["2026-05-30", 89, "critical"],
    ["2026-05-31", 90, "warning"],
    ["2026-06-30", 120, "warning"],
    ["2026-07-01", 121, null],
    ["2026-02-28", -2, "critical"],
  ])("expires %s (%i days left) → %s", (expiresOn, _left, severity) => {
    expect(reg({ licenceExpiresOn: expiresOn })).toEqual(severity ? [["registration.license_expiring", severity]] : []);
  });
});

describe("registration.entity_not_eligible", () => {
  it.each([
    ["SOLE_PROPRIETORSHIP", true],
    ["INDIVIDUAL", true],
    ["COMPANY", false],
    ["PARTNERSHIP", false],
  ] as const)("%s → flagged %s", (entityType, flagged) => {
    expect(reg({ entityType }).length).toBe(flagged ? 1 : 0);
  });
  it("applies to UK cross-border too, not to local stores", () => {
    expect(reg({ market: "UK", entityType: "INDIVIDUAL" })).toEqual([["registration.entity_not_eligible", "critical"]]);
    expect(reg({ ...UK_LOCAL, entityType: "INDIVIDUAL" })).toEqual([]);
  });
  it("is in force from 2026-01-01 (upcoming before)", () => {
    const flags = evaluateStore(makeStoreProfile({ entityType: "INDIVIDUAL" }), new Date("2025-12-20T00:00:00Z"));
    expect(flags.map((f) => [f.rule, f.upcoming])).toEqual([["registration.entity_not_eligible", true]]);
    expect(evaluateStore(makeStoreProfile({ entityType: "INDIVIDUAL" }), new Date("2025-11-01T00:00:00Z"))).toEqual([]);
  });
});
