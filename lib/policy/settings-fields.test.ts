import { describe, expect, it } from "vitest";
import { settingsOverridesSchema } from "./facts-schema";
import { DEFAULT_SETTINGS, mergeSettings } from "./settings";
import { SETTINGS_FIELDS, fieldValue, isOverridden, parseFieldValue, settingsField, withField } from "./settings-fields";

const field = (key: string) => {
  const f = settingsField(key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe("policy settings fields", () => {
  it("lists every threshold with its default and source, and every dated rule and 2026 update", () => {
    expect(field("dispatch.dueSoonHours")).toMatchObject({ defaultValue: "24", unit: "hours", min: 1, max: 120 });
    expect(field("returns.usLargeRefundOverMinor").defaultValue).toBe("10000");
    expect(field("effectiveFrom.fulfillment.dispatch_deadline").defaultValue).toBe("2026-01-06");
    expect(field("effectiveFrom.returns.response_window_business_days").defaultValue).toBe("2026-02-25");
    expect(settingsField("effectiveFrom.fulfillment.seller_shipping_phase_out")).toBeUndefined();
    for (const f of SETTINGS_FIELDS) {
      expect(f.source.length, f.key).toBeGreaterThan(0);
      expect(fieldValue(DEFAULT_SETTINGS, f), f.key).toBe(f.defaultValue);
    }
  });
  it("every field's bounds are accepted by the stored-overrides schema at both ends", () => {
    for (const f of SETTINGS_FIELDS.filter((x) => x.kind === "number")) {
      for (const v of [f.min, f.max]) {
        const o = withField({}, f, v as number);
        expect(settingsOverridesSchema.safeParse(o).success, `${f.key}=${v}`).toBe(true);
      }
    }
  });
  it("parses within bounds; empty or the default means no override", () => {
    const f = field("dispatch.dueSoonHours");
    expect(parseFieldValue(f, "12")).toEqual({ ok: true, value: 12 });
    expect(parseFieldValue(f, "")).toEqual({ ok: true, value: null });
    expect(parseFieldValue(f, "24")).toEqual({ ok: true, value: null });
    expect(parseFieldValue(f, "0")).toEqual({ ok: false, message: "Between 1 and 120 hours", code: "between" });
    expect(parseFieldValue(f, "121")).toMatchObject({ ok: false });
    expect(parseFieldValue(f, "1e3")).toMatchObject({ ok: false });
    expect(parseFieldValue(field("dispatch.businessDays"), "2.5")).toMatchObject({ ok: false, message: "Enter a whole number of business days" });
    const d = field("effectiveFrom.returns.response_due");
    expect(parseFieldValue(d, "2026-02-30")).toMatchObject({ ok: false });
    expect(parseFieldValue(d, "2026-03-01")).toEqual({ ok: true, value: "2026-03-01" });
  });
  it("sets and resets a field, dropping empty sections", () => {
    const a = withField({}, field("dispatch.dueSoonHours"), 12);
    expect(a).toEqual({ dispatch: { dueSoonHours: 12 } });
    const b = withField(a, field("effectiveFrom.fulfillment.fulfillment_type"), "2026-03-01");
    expect(mergeSettings(b).effectiveFrom).toEqual({ "fulfillment.fulfillment_type": "2026-03-01" });
    expect(isOverridden(b, field("effectiveFrom.fulfillment.fulfillment_type"))).toBe(true);
    const c = withField(withField(b, field("dispatch.dueSoonHours"), null), field("effectiveFrom.fulfillment.fulfillment_type"), null);
    expect(c).toEqual({});
    const ldr = withField({}, field("shopPerformance.lateDispatchRate.maxPercent"), 5);
    expect(mergeSettings(ldr).shopPerformance.lateDispatchRate).toEqual({ ...DEFAULT_SETTINGS.shopPerformance.lateDispatchRate, maxPercent: 5 });
  });
});
