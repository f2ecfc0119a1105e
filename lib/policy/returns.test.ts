import { describe, expect, it } from "vitest";
import { evaluateReturn } from "./index";
import { DEFAULT_SETTINGS as DEFAULTS } from "./settings";
import type { ReturnFacts } from "./types";

const base: ReturnFacts = {
  id: "r1",
  market: "US",
  channel: "TIKTOK_SHOP",
  reason: "CHANGE_OF_MIND",
  requestedAt: new Date("2026-02-02T18:00:00Z"),
  decision: "PENDING",
  respondedAt: null,
  refusalJustification: null,
};
const at = (iso: string) => new Date(iso);
const sev = (r: Partial<ReturnFacts>, now: string) => evaluateReturn({ ...base, ...r }, at(now)).map((f) => [f.rule, f.severity]);

describe("returns.response_due (48 h, then auto-approved)", () => {
  it.each([
    ["2026-02-02T19:00:00Z", "info"],
    ["2026-02-03T18:00:01Z", "warning"],
    ["2026-02-04T12:00:01Z", "critical"],
    ["2026-02-04T18:00:00Z", "critical"],
    ["2026-02-04T18:00:01Z", "critical"],
  ])("at %s → %s", (now, severity) => {
    expect(sev({}, now)).toEqual([["returns.response_due", severity]]);
  });
  it("is due 48 h after the request", () => {
    expect(evaluateReturn(base, at("2026-02-03T00:00:00Z"))[0]?.dueAt?.toISOString()).toBe("2026-02-04T18:00:00.000Z");
    expect(sev({ decision: "APPROVED", respondedAt: at("2026-02-03T00:00:00Z") }, "2026-02-10T00:00:00Z")).toEqual([]);
  });
  it("is configurable (official Thai page: 1 working day)", () => {
    const flags = evaluateReturn(base, at("2026-02-03T19:00:00Z"), {
      ...DEFAULTS,
      returns: { ...DEFAULTS.returns, responseHours: 24, dueSoonHours: 12, criticalHours: 6 },
    });
    expect(flags[0]?.reason).toContain("auto-approved");
  });
});

describe("returns.change_of_mind_refused_unjustified (from 2026-01-15)", () => {
  const refused = { decision: "REFUSED" as const, respondedAt: at("2026-02-03T00:00:00Z") };
  it.each([
    [null, "critical"],
    ["OTHER", "warning"],
    ["ITEM_USED_OR_DAMAGED", null],
    ["PARTS_MISSING", null],
    ["OUTSIDE_RETURN_WINDOW", null],
    ["NON_RETURNABLE_CATEGORY", null],
  ] as const)("refused with %s → %s", (refusalJustification, severity) => {
    expect(sev({ ...refused, refusalJustification }, "2026-02-05T00:00:00Z")).toEqual(
      severity ? [["returns.change_of_mind_refused_unjustified", severity]] : [],
    );
  });
  it("other return reasons may be refused", () => {
    expect(sev({ ...refused, reason: "DAMAGED" }, "2026-02-05T00:00:00Z")).toEqual([]);
  });
  it("judges by the request date: 14 Jan 23:59 PST no, 15 Jan 00:00 PST yes", () => {
    expect(sev({ ...refused, requestedAt: at("2026-01-15T07:59:59Z") }, "2026-02-05T00:00:00Z")).toEqual([]);
    expect(sev({ ...refused, requestedAt: at("2026-01-15T08:00:00Z") }, "2026-02-05T00:00:00Z")).toEqual([
      ["returns.change_of_mind_refused_unjustified", "critical"],
    ]);
  });
  it("brand-site returns are not judged by TikTok rules", () => {
    expect(sev({ ...refused, channel: "BRAND_SITE" }, "2026-02-05T00:00:00Z")).toEqual([]);
  });
});
