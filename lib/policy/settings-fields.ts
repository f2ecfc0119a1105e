import { buildCalendar } from "./calendar";
import { POLICY_CHANGES } from "./changes";
import { DEFAULT_SETTINGS, type PolicySettings, type PolicySettingsOverrides } from "./settings";
import { type ChangeId, type Confidence, RULE_IDS, type RuleId } from "./types";

// Every threshold and effective date an owner may set on /settings/policy, with its bounds, its
// default and where the default comes from. The form, the server action and its tests all read
// this list; the bounds are the same as settingsOverridesSchema's (facts-schema.ts).

export type SettingsField = {
  /** Form field name and path in the overrides: "dispatch.dueSoonHours", "effectiveFrom.returns.response_due". */
  key: string;
  group: string;
  label: string;
  kind: "number" | "date";
  unit: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** The default as the form shows it ("24", "2026-01-06"). */
  defaultValue: string;
  source: string;
  /**
   * Where the screen finds the words in the messages (namespace policy.settings): the group and
   * the unit by these ids; the label and source of a number field by its key, of a date field by
   * its rule's or 2026 change's texts. `group`, `label`, `unit` and `source` above are the English.
   */
  groupId: string;
  unitId: string;
  subject?: { rule: RuleId; confidence: Confidence } | { change: ChangeId };
};

const GROUP_IDS: Readonly<Record<string, string>> = {
  Dispatch: "dispatch",
  "Auto-cancel": "autoCancel",
  Returns: "returns",
  Orders: "orders",
  Registration: "registration",
  Deposit: "deposit",
  Content: "content",
  Pricing: "pricing",
  Suppliers: "suppliers",
  "Shop performance": "shopPerformance",
  Calendar: "calendar",
  "Effective dates: rules": "ruleDates",
  "Effective dates: 2026 updates": "updateDates",
};

const UNIT_IDS: Readonly<Record<string, string>> = {
  "business days": "businessDays",
  hours: "hours",
  "cents (USD)": "centsUsd",
  minutes: "minutes",
  days: "days",
  "days before": "daysBefore",
  videos: "videos",
  cents: "cents",
  "%": "percent",
  date: "date",
};

type NumberPath = { section: keyof PolicySettings; sub?: string; name: string };

const NUMBER_FIELDS: (Omit<SettingsField, "kind" | "defaultValue" | "key" | "groupId" | "unitId"> & NumberPath)[] = [
  {
    section: "dispatch",
    name: "businessDays",
    group: "Dispatch",
    label: "Business days to reach In Transit",
    unit: "business days",
    min: 1,
    max: 10,
    integer: true,
    source: "Brief (late 2025); US LDR guide 2026-03-02: 2 business days",
  },
  {
    section: "dispatch",
    name: "dueSoonHours",
    group: "Dispatch",
    label: "Due soon when less than",
    unit: "hours",
    min: 1,
    max: 120,
    source: "Product default (policy-2026.md)",
  },
  {
    section: "dispatch",
    name: "criticalHours",
    group: "Dispatch",
    label: "Critical when less than",
    unit: "hours",
    min: 1,
    max: 72,
    source: "Product default (policy-2026.md)",
  },
  {
    section: "autoCancel",
    name: "businessDays",
    group: "Auto-cancel",
    label: "Auto-cancelled without tracking after",
    unit: "business days",
    min: 1,
    max: 30,
    integer: true,
    source: "Official (SLA, auto-cancel page)",
  },
  {
    section: "autoCancel",
    name: "criticalHours",
    group: "Auto-cancel",
    label: "Critical when less than",
    unit: "hours",
    min: 1,
    max: 120,
    source: "Product default",
  },
  {
    section: "returns",
    name: "usBusinessDays",
    group: "Returns",
    label: "US review window (from 2026-02-25)",
    unit: "business days",
    min: 1,
    max: 30,
    integer: true,
    source: "Official (US seller-protection page, 2026-02-25)",
  },
  {
    section: "returns",
    name: "usLargeRefundBusinessDays",
    group: "Returns",
    label: "US review window for large refunds",
    unit: "business days",
    min: 1,
    max: 30,
    integer: true,
    source: "Official (US seller-protection page, 2026-02-25)",
  },
  {
    section: "returns",
    name: "usLargeRefundOverMinor",
    group: "Returns",
    label: "A large refund is more than",
    unit: "cents (USD)",
    min: 0,
    max: 100_000_000,
    integer: true,
    source: "Official: over $100",
  },
  {
    section: "returns",
    name: "responseHours",
    group: "Returns",
    label: "UK (and earlier US) response window",
    unit: "hours",
    min: 1,
    max: 720,
    source: "3P: 48 h; the official Thai page says 1 working day",
  },
  { section: "returns", name: "dueSoonHours", group: "Returns", label: "Due soon when less than", unit: "hours", min: 1, max: 720, source: "Product default" },
  { section: "returns", name: "criticalHours", group: "Returns", label: "Critical when less than", unit: "hours", min: 1, max: 720, source: "Product default" },
  {
    section: "onHold",
    name: "minutes",
    group: "Orders",
    label: "On Hold (do not ship) after the order for",
    unit: "minutes",
    min: 0,
    max: 1440,
    integer: true,
    source: "Official (partner API changelog, Q1 2026)",
  },
  {
    section: "registration",
    name: "minBusinessAgeDays",
    group: "Registration",
    label: "Minimum business age at join",
    unit: "days",
    min: 0,
    max: 3650,
    integer: true,
    source: "Brief (late 2025)",
  },
  {
    section: "registration",
    name: "licenceMinDaysLeft",
    group: "Registration",
    label: "Licence must stay valid for",
    unit: "days",
    min: 0,
    max: 3650,
    integer: true,
    source: "Brief (late 2025)",
  },
  {
    section: "registration",
    name: "licenceWarnDaysLeft",
    group: "Registration",
    label: "Warn about the licence from",
    unit: "days",
    min: 0,
    max: 3650,
    integer: true,
    source: "Brief (late 2025)",
  },
  {
    section: "deposit",
    name: "standardMinor",
    group: "Deposit",
    label: "Standard deposit",
    unit: "cents (USD)",
    min: 0,
    max: 100_000_000,
    integer: true,
    source: "Brief (late 2025): $1,500",
  },
  {
    section: "deposit",
    name: "warningDays",
    group: "Deposit",
    label: "Top-up warning from",
    unit: "days before",
    min: 0,
    max: 365,
    integer: true,
    source: "Product default",
  },
  {
    section: "deposit",
    name: "criticalDays",
    group: "Deposit",
    label: "Top-up critical from",
    unit: "days before",
    min: 0,
    max: 365,
    integer: true,
    source: "Product default",
  },
  {
    section: "content",
    name: "nonInteractiveLimit",
    group: "Content",
    label: "Non-interactive videos that trigger a restriction",
    unit: "videos",
    min: 1,
    max: 100,
    integer: true,
    source: "Brief (TH/MY official pages)",
  },
  { section: "content", name: "windowDays", group: "Content", label: "…within", unit: "days", min: 1, max: 90, integer: true, source: "Brief" },
  { section: "content", name: "restrictionDays", group: "Content", label: "Restriction lasts", unit: "days", min: 1, max: 90, integer: true, source: "Brief" },
  {
    section: "content",
    name: "restrictedLinkQuota",
    group: "Content",
    label: "Linked videos allowed while restricted",
    unit: "videos",
    min: 0,
    max: 100,
    integer: true,
    source: "Brief",
  },
  {
    section: "pricing",
    name: "toleranceMinor",
    group: "Pricing",
    label: "Price difference tolerated",
    unit: "cents",
    min: 0,
    max: 100_000,
    integer: true,
    source: "Product default ($0.05)",
  },
  {
    section: "supplier",
    name: "lookbackDays",
    group: "Suppliers",
    label: "Judge supplier promises over the last",
    unit: "days",
    min: 1,
    max: 365,
    integer: true,
    source: "Product default",
  },
  {
    section: "shopPerformance",
    sub: "lateDispatchRate",
    name: "maxPercent",
    group: "Shop performance",
    label: "Late-dispatch rate healthy up to",
    unit: "%",
    min: 0,
    max: 100,
    source: "Official (US LDR guide, 2026-03-02): 4 %",
  },
  {
    section: "shopPerformance",
    sub: "lateDispatchRate",
    name: "enforcementAbovePercent",
    group: "Shop performance",
    label: "Late-dispatch enforcement above",
    unit: "%",
    min: 0,
    max: 100,
    source: "Official (US LDR guide, 2026-03-02): 10 %",
  },
  {
    section: "shopPerformance",
    sub: "validTrackingRate",
    name: "minPercent",
    group: "Shop performance",
    label: "Valid tracking rate at least",
    unit: "%",
    min: 0,
    max: 100,
    source: "Official: 95 %",
  },
  {
    section: "shopPerformance",
    sub: "onTimeDeliveryRate",
    name: "minPercent",
    group: "Shop performance",
    label: "On-time delivery rate at least",
    unit: "%",
    min: 0,
    max: 100,
    source: "Official: 80 %",
  },
  {
    section: "shopPerformance",
    sub: "onTimeDeliveryRate",
    name: "withinBusinessDays",
    group: "Shop performance",
    label: "Delivered within",
    unit: "business days",
    min: 1,
    max: 30,
    integer: true,
    source: "Official: 6 business days",
  },
  {
    section: "shopPerformance",
    sub: "sellerFaultCancellationRate",
    name: "maxPercent",
    group: "Shop performance",
    label: "Seller-fault cancellation rate at most",
    unit: "%",
    min: 0,
    max: 100,
    source: "3P: 2.5 %",
  },
  {
    section: "upcomingHorizonDays" as keyof PolicySettings,
    name: "",
    group: "Calendar",
    label: "Warn about rules taking effect within",
    unit: "days",
    min: 0,
    max: 365,
    integer: true,
    source: "Product default",
  },
];

function pathOf(f: NumberPath): string[] {
  if (f.section === "upcomingHorizonDays") return ["upcomingHorizonDays"];
  return f.sub ? [f.section, f.sub, f.name] : [f.section, f.name];
}

function getPath(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

const DEFAULT_CALENDAR = buildCalendar(DEFAULT_SETTINGS);

/** Every editable field, in the form's order. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  ...NUMBER_FIELDS.map((f): SettingsField => {
    const path = pathOf(f);
    return {
      key: path.join("."),
      group: f.group,
      label: f.label,
      kind: "number",
      unit: f.unit,
      min: f.min,
      max: f.max,
      integer: f.integer,
      defaultValue: String(getPath(DEFAULT_SETTINGS, path)),
      source: f.source,
      groupId: GROUP_IDS[f.group] ?? f.group,
      unitId: UNIT_IDS[f.unit] ?? f.unit,
    };
  }),
  ...RULE_IDS.filter((id) => DEFAULT_CALENDAR[id].effectiveFrom !== null).map((id): SettingsField => ({
    key: `effectiveFrom.${id}`,
    group: "Effective dates: rules",
    label: DEFAULT_CALENDAR[id].title,
    kind: "date",
    unit: "date",
    defaultValue: DEFAULT_CALENDAR[id].effectiveFrom as string,
    source: DEFAULT_CALENDAR[id].note ?? `${DEFAULT_CALENDAR[id].confidence} source`,
    groupId: "ruleDates",
    unitId: "date",
    subject: { rule: id, confidence: DEFAULT_CALENDAR[id].confidence },
  })),
  ...POLICY_CHANGES.filter((c) => c.effectiveFrom !== null && c.kind !== "withdrawn").map((c): SettingsField => ({
    key: `effectiveFrom.${c.id}`,
    group: "Effective dates: 2026 updates",
    label: c.title,
    kind: "date",
    unit: "date",
    defaultValue: c.effectiveFrom as string,
    source: `${c.confidence}: ${c.sources[0] ?? ""}${c.effectiveText ? ` (${c.effectiveText})` : ""}`,
    groupId: "updateDates",
    unitId: "date",
    subject: { change: c.id },
  })),
];

const BY_KEY = new Map(SETTINGS_FIELDS.map((f) => [f.key, f]));

export function settingsField(key: string): SettingsField | undefined {
  return BY_KEY.get(key);
}

/** The field's current value in an organisation's settings, as the form shows it. */
export function fieldValue(settings: PolicySettings, field: SettingsField): string {
  if (field.key.startsWith("effectiveFrom.")) {
    const id = field.key.slice("effectiveFrom.".length) as RuleId | ChangeId;
    return settings.effectiveFrom[id] ?? field.defaultValue;
  }
  return String(getPath(settings, field.key.split(".")));
}

/** Whether an organisation overrides the field. */
export function isOverridden(overrides: PolicySettingsOverrides, field: SettingsField): boolean {
  if (field.key.startsWith("effectiveFrom.")) return (overrides.effectiveFrom as Record<string, unknown> | undefined)?.[field.key.slice(14)] !== undefined;
  return getPath(overrides, field.key.split(".")) !== undefined;
}

/** Why a value was refused, for the screen's words (policy.settings.errors.<code>); `message` is the English. */
export type FieldError = "date" | "dateRange" | "number" | "wholeNumber" | "between";

export type FieldParse = { ok: true; value: number | string | null } | { ok: false; message: string; code: FieldError };

/** A form value for a field: empty = back to the default (null); else a number or date within bounds. */
export function parseFieldValue(field: SettingsField, raw: string): FieldParse {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  if (field.kind === "date") {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
      Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ||
      new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text
    ) {
      return { ok: false, message: "Enter a date as YYYY-MM-DD", code: "date" };
    }
    if (text < "2024-01-01" || text > "2030-12-31") return { ok: false, message: "Choose a date between 2024-01-01 and 2030-12-31", code: "dateRange" };
    return { ok: true, value: text === field.defaultValue ? null : text };
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `Enter a number of ${field.unit}`, code: "number" };
  const n = Number(text);
  if (field.integer && !Number.isInteger(n)) return { ok: false, message: `Enter a whole number of ${field.unit}`, code: "wholeNumber" };
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
    return { ok: false, message: `Between ${field.min} and ${field.max} ${field.unit}`, code: "between" };
  }
  return { ok: true, value: String(n) === field.defaultValue ? null : n };
}

/** The overrides with one field set (a value) or reset (null). Empty sections are dropped. */
export function withField(overrides: PolicySettingsOverrides, field: SettingsField, value: number | string | null): PolicySettingsOverrides {
  const out = structuredClone(overrides) as Record<string, unknown>;
  const path = field.key.startsWith("effectiveFrom.") ? ["effectiveFrom", field.key.slice(14)] : field.key.split(".");
  const parents: Record<string, unknown>[] = [out];
  let node = out;
  for (const p of path.slice(0, -1)) {
    const next = (node[p] && typeof node[p] === "object" ? node[p] : {}) as Record<string, unknown>;
    node[p] = next;
    node = next;
    parents.push(node);
  }
  const last = path.at(-1) as string;
  if (value === null) delete node[last];
  else node[last] = value;
  // Prune empty objects bottom-up.
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i] as Record<string, unknown>;
    const child = parent[path[i] as string] as Record<string, unknown>;
    if (Object.keys(child).length === 0) delete parent[path[i] as string];
  }
  return out as PolicySettingsOverrides;
}
