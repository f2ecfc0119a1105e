import { type ChangeId, type Confidence, type PolicyMessage, type RuleId, type RuleScope, RULE_IDS, policyChange, ruleTitle } from "@/lib/policy";
import { type ReasonCatalog, renderPolicyMessage } from "@/lib/policy/reason-render";
import type { SettingsField } from "@/lib/policy/settings-fields";
import type { Locale } from "./locales";
import { loadMessages } from "./messages";

// The policy calendar's words in the viewer's language (namespace "policy"): rule titles, notes
// and thresholds, the 2026 changes' titles and summaries, the settings fields. lib/policy keeps
// its English (ruleTitle, the CLI, exports); these read the same texts from the messages, and fall
// back to that English for anything the messages do not have.

// i18n-uses: policy (keys built from rule, change and settings ids)
const catalogs: Partial<Record<Locale, ReasonCatalog>> = {};

function catalogOf(locale: Locale): ReasonCatalog {
  const m = loadMessages(locale);
  return (catalogs[locale] ??= { reasons: m.reasons, duration: m.duration, policy: m.policy });
}

function text(locale: Locale, path: string): string | undefined {
  let node: unknown = loadMessages(locale).policy;
  for (const part of path.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** A policy text with parameters (a threshold) in `locale`; the English on any failure. */
export function formatPolicyMessage(message: PolicyMessage, locale: Locale): string {
  try {
    return renderPolicyMessage(message, locale, catalogOf(locale));
  } catch {
    return renderPolicyMessage(message, "en", catalogOf("en"));
  }
}

function isRule(rule: string): rule is RuleId {
  return (RULE_IDS as readonly string[]).includes(rule);
}

/** The rule's title in `locale` ("policy.rules.<family>.<name>.title"); an unknown id as it is. */
export function ruleTitleIn(rule: string, locale: Locale): string {
  return (isRule(rule) && text(locale, `rules.${rule}.title`)) || ruleTitle(rule);
}

/** Every rule's title in `locale`, for screens that pass the titles to the browser. */
export function ruleTitlesIn(locale: Locale): Record<RuleId, string> {
  return Object.fromEntries(RULE_IDS.map((id) => [id, ruleTitleIn(id, locale)])) as Record<RuleId, string>;
}

/** Where sources disagree, or an assumption we made, in `locale`; null when the rule has no note. */
export function ruleNoteIn(rule: RuleId, locale: Locale): string | null {
  return text(locale, `rules.${rule}.note`) ?? text("en", `rules.${rule}.note`) ?? null;
}

/** A 2026 change's title, summary and (when the source gives no day) how it states the date, in `locale`. */
export function changeTextIn(id: ChangeId, locale: Locale): { title: string; summary: string; effectiveText: string | null } {
  const change = policyChange(id);
  return {
    title: text(locale, `updates.${id}.title`) ?? change.title,
    summary: text(locale, `updates.${id}.summary`) ?? change.summary,
    effectiveText: change.effectiveText ? (text(locale, `updates.${id}.effectiveText`) ?? change.effectiveText) : null,
  };
}

/** The confidence of a source ("Official", "Trade press") in `locale`. */
export function confidenceIn(confidence: Confidence, locale: Locale): string {
  return text(locale, `confidence.${confidence}`) ?? confidence;
}

/** "US, UK · TikTok Shop · all stores" in `locale`. */
export function scopeTextIn(scope: RuleScope, locale: Locale): string {
  const word = (key: string) => text(locale, `scope.${key}`) ?? key;
  const channels = scope.channels.map((c) => word(c === "TIKTOK_SHOP" ? "tiktokShop" : "brandSite"));
  const kinds = scope.storeKinds.filter((k) => k !== null);
  const separator = locale === "zh-CN" ? "、" : ", ";
  return formatPolicyMessage(
    {
      key: "scope.line",
      params: {
        markets: scope.markets.join(separator),
        channels:
          channels.length === 2
            ? formatPolicyMessage({ key: "scope.channelsJoin", params: { first: channels[0] ?? "", second: channels[1] ?? "" } }, locale)
            : (channels[0] ?? ""),
        kinds: kinds.length === 2 ? word("allStores") : kinds.map((k) => word(k === "LOCAL" ? "local" : "crossBorder")).join(separator),
      },
    },
    locale,
  );
}

/** A settings field's group, label, unit and source in `locale` (namespace policy.settings). */
export function settingsFieldTextIn(field: SettingsField, locale: Locale): { group: string; label: string; unit: string; source: string } {
  const group = text(locale, `settings.groups.${field.groupId}`) ?? field.group;
  const unit = text(locale, `settings.units.${field.unitId}`) ?? field.unit;
  const subject = field.subject;
  if (!subject) {
    return {
      group,
      unit,
      label: text(locale, `settings.fields.${field.key}.label`) ?? field.label,
      source: text(locale, `settings.fields.${field.key}.source`) ?? field.source,
    };
  }
  if ("rule" in subject) {
    const entryNote = ruleNoteIn(subject.rule, locale);
    return {
      group,
      unit,
      label: ruleTitleIn(subject.rule, locale),
      source: entryNote ?? formatPolicyMessage({ key: "settings.ruleSource", params: { confidence: subject.confidence } }, locale),
    };
  }
  const change = policyChange(subject.change);
  const words = changeTextIn(subject.change, locale);
  const source = change.sources[0] ?? "";
  return {
    group,
    unit,
    label: words.title,
    source: formatPolicyMessage(
      words.effectiveText
        ? { key: "settings.changeSourceWhen", params: { confidence: change.confidence, source, when: words.effectiveText } }
        : { key: "settings.changeSource", params: { confidence: change.confidence, source } },
      locale,
    ),
  };
}
