import { describe, expect, it } from "vitest";
import { CHANGE_IDS, POLICY_CALENDAR, RULE_IDS, listCalendar, mergeSettings, policyChange, ruleTitle, thresholdMessage } from "@/lib/policy";
import { SETTINGS_FIELDS } from "@/lib/policy/settings-fields";
import { loadMessages } from "./messages";
import { changeTextIn, confidenceIn, formatPolicyMessage, ruleNoteIn, ruleTitleIn, scopeTextIn, settingsFieldTextIn } from "./policy-text";

// The policy calendar's English lives in lib/policy (ruleTitle for machine uses, the CLI) and in
// the en messages the screens read: these tests keep the two one wording.

const TRANSLATED = ["nl", "zh-CN"] as const;
const filled = (text: string) => expect(text).not.toMatch(/[{}]|undefined|NaN/);

describe("the policy calendar in the messages", () => {
  it("has every rule's title and note in English exactly as the calendar states them", () => {
    for (const id of RULE_IDS) {
      expect(ruleTitleIn(id, "en"), id).toBe(ruleTitle(id));
      expect(ruleNoteIn(id, "en"), id).toBe(POLICY_CALENDAR[id].note ?? null);
    }
  });

  it("has every 2026 change's title, summary and stated date in English exactly as the calendar", () => {
    for (const id of CHANGE_IDS) {
      const c = policyChange(id);
      expect(changeTextIn(id, "en"), id).toEqual({ title: c.title, summary: c.summary, effectiveText: c.effectiveText ?? null });
    }
  });

  it("words each threshold from the messages: the English is the calendar's, other languages fill every value", () => {
    for (const settings of [undefined, mergeSettings({ dispatch: { businessDays: 3 }, pricing: { allowNinetyNineRoundUp: false } })]) {
      for (const row of listCalendar(new Date("2026-03-02T12:00:00Z"), settings)) {
        expect(formatPolicyMessage(row.thresholdMessage, "en"), row.rule).toBe(row.threshold);
        for (const locale of TRANSLATED) {
          const text = formatPolicyMessage(row.thresholdMessage, locale);
          filled(text);
          expect(text, `${row.rule} ${locale}`).not.toBe(row.threshold);
        }
      }
    }
    expect(formatPolicyMessage(thresholdMessage(POLICY_CALENDAR["fulfillment.dispatch_deadline"]), "en")).toContain("2nd business day");
    expect(formatPolicyMessage(thresholdMessage(POLICY_CALENDAR["fulfillment.dispatch_deadline"]), "nl")).toContain("2e werkdag");
    expect(formatPolicyMessage(thresholdMessage(POLICY_CALENDAR["deposit.topup_due"]), "zh-CN")).toMatch(/^每个店铺 US\$1,500\.00；/);
    expect(formatPolicyMessage(thresholdMessage(POLICY_CALENDAR["deposit.topup_due"]), "nl").replaceAll("\u00a0", " ")).toMatch(/^US\$ 1\.500,00 per winkel;/);
  });

  it("words titles, notes, scopes and sources in Dutch and Chinese", () => {
    for (const locale of TRANSLATED) {
      for (const id of RULE_IDS) {
        expect(ruleTitleIn(id, locale), `${id} ${locale}`).not.toBe(ruleTitle(id));
        filled(scopeTextIn(POLICY_CALENDAR[id].scope, locale));
      }
      for (const id of CHANGE_IDS) expect(changeTextIn(id, locale).summary, `${id} ${locale}`).not.toBe(policyChange(id).summary);
    }
    expect(scopeTextIn(POLICY_CALENDAR["tracking.duplicate"].scope, "en")).toBe("US, UK · TikTok Shop · all stores");
    expect(scopeTextIn(POLICY_CALENDAR["pricing.mismatch"].scope, "nl")).toBe("US, UK · TikTok Shop + eigen webshop · alle winkels");
    expect(scopeTextIn(POLICY_CALENDAR["deposit.topup_due"].scope, "zh-CN")).toBe("US · TikTok Shop · 跨境店");
    expect(confidenceIn("official", "zh-CN")).toBe("官方");
    expect(ruleTitleIn("fulfillment.dispatch_deadline", "nl")).toBe("Onderweg binnen 2 werkdagen na de bestelling");
    expect(ruleTitleIn("not.a_rule", "nl")).toBe("not.a_rule");
  });

  it("words every settings field: the English as the field states it, Dutch and Chinese in full", () => {
    for (const f of SETTINGS_FIELDS) {
      expect(settingsFieldTextIn(f, "en"), f.key).toEqual({ group: f.group, label: f.label, unit: f.unit, source: f.source });
      for (const locale of TRANSLATED) {
        const words = settingsFieldTextIn(f, locale);
        for (const text of Object.values(words)) filled(text);
        expect(words.label, `${f.key} ${locale}`).not.toBe(f.label);
        expect(Object.keys(loadMessages(locale).policy.settings.groups), f.key).toContain(f.groupId);
        expect(Object.keys(loadMessages(locale).policy.settings.units), f.key).toContain(f.unitId);
      }
    }
  });
});
