import { IntlMessageFormat } from "intl-messageformat";
import { dateFormat, formatMoney as formatMoneyIn, numberFormat, zoneAbbreviation } from "@/lib/format";
import en from "@/lib/i18n/messages/en.json";
import type { Locale } from "@/lib/i18n/locales";
import { MARKET_ZONES, formatLocalDate, formatMarketInstant } from "./business-days";
import { durationParts } from "./duration";
import { formatBasisPoints, formatMoney } from "./format";
import type { PolicyMessage, ReasonMessage } from "./reason";
import type { Market } from "./types";

// The one renderer of flag reasons: a ReasonMessage (key + parameters) and a language's messages
// give the text. The engine renders every flag's English `reason` through it (the stored column,
// CSV exports, CLIs); lib/i18n/flag-reason.ts renders the same message in the viewer's language.
// English keeps the engine's own formats ("Tue 10 Mar 23:59 PDT", "$1,500.00", "4.7%"), so the
// wording stored before reasons had keys is unchanged; other languages format through Intl.

/** The namespaces of one language's messages a reason (or a policy text) is worded from. */
export type ReasonCatalog = { reasons: unknown; duration: unknown; policy?: unknown };

/** A key missing from the language's messages, or parameters that do not fit it (a stored row from another version). */
export class ReasonRenderError extends Error {}

const EN_CATALOG: ReasonCatalog = { reasons: en.reasons, duration: en.duration, policy: en.policy };

type Namespace = keyof ReasonCatalog;

// Parsing a message costs tens of µs, formatting a parsed one about one: each message is parsed
// once per language's catalog.
const compiled = new WeakMap<object, Partial<Record<Locale, Map<string, IntlMessageFormat>>>>();

function lookup(tree: unknown, key: string): string {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    node = node !== null && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== "string") throw new ReasonRenderError(`no message ${key}`);
  return node;
}

function formatterFor(catalog: ReasonCatalog, ns: Namespace, key: string, locale: Locale): IntlMessageFormat {
  const tree = catalog[ns];
  if (tree === null || typeof tree !== "object") throw new ReasonRenderError(`no namespace ${ns}`);
  let byLocale = compiled.get(tree);
  if (!byLocale) compiled.set(tree, (byLocale = {}));
  const byKey = (byLocale[locale] ??= new Map());
  let format = byKey.get(key);
  if (!format) byKey.set(key, (format = new IntlMessageFormat(lookup(tree, key), locale, undefined, { ignoreTag: true })));
  return format;
}

function formatKey(catalog: ReasonCatalog, ns: Namespace, key: string, params: unknown, locale: Locale): string {
  if (params === null || typeof params !== "object" || Array.isArray(params)) throw new ReasonRenderError(`parameters of ${key} are not an object`);
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) values[name] = formatValue(value, locale, catalog);
  const out = formatterFor(catalog, ns, key, locale).format(values);
  if (typeof out !== "string") throw new ReasonRenderError(`message ${key} did not render to text`);
  return out;
}

const MARKET_OF_ZONE = new Map(Object.entries(MARKET_ZONES).map(([market, zone]) => [zone, market as Market]));

function instantText(at: Date, zone: string, year: boolean, locale: Locale): string {
  const market = MARKET_OF_ZONE.get(zone);
  if (locale === "en" && market) return formatMarketInstant(market, at, year);
  const local = dateFormat(locale === "en" ? "en-GB" : locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(year ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${locale === "en" ? local.replaceAll(",", "") : local} ${zoneAbbreviation(at, zone)}`;
}

function dateText(date: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReasonRenderError(`not a date: ${date}`);
  if (locale === "en") return formatLocalDate(date);
  return dateFormat(locale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

function percentText(bp: number, locale: Locale): string {
  if (locale === "en") return formatBasisPoints(bp);
  // One decimal, rounded as formatBasisPoints rounds (half away from zero on tenths of a percent).
  const tenths = Math.sign(bp) * Math.round(Math.abs(bp) / 10);
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);
}

const SEPARATORS: Record<"comma" | "semicolon", Record<Locale, string>> = {
  comma: { en: ", ", nl: ", ", "zh-CN": "、" },
  semicolon: { en: "; ", nl: "; ", "zh-CN": "；" },
};

function str(value: Record<string, unknown>, name: string): string {
  const v = value[name];
  if (typeof v !== "string") throw new ReasonRenderError(`${String(value.type)} needs ${name}`);
  return v;
}

function num(value: Record<string, unknown>, name: string): number {
  const v = value[name];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ReasonRenderError(`${String(value.type)} needs ${name}`);
  return v;
}

/** "5 h" (duration.hours): the same words as formatDurationWith, without a translator closure per call. */
function durationText(ms: number, locale: Locale, catalog: ReasonCatalog): string {
  const { key, values } = durationParts(ms);
  return formatKey(catalog, "duration", key, values, locale);
}

function formatValue(value: unknown, locale: Locale, catalog: ReasonCatalog): string | number | boolean {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value === null) return "";
  if (typeof value !== "object" || Array.isArray(value)) throw new ReasonRenderError("unknown parameter");
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case "instant": {
      const at = new Date(str(v, "at"));
      if (Number.isNaN(at.getTime())) throw new ReasonRenderError("invalid instant");
      return instantText(at, str(v, "zone"), v.year === true, locale);
    }
    case "date":
      return dateText(str(v, "date"), locale);
    case "money": {
      const minor = num(v, "minor");
      const currency = str(v, "currency");
      return locale === "en" ? formatMoney(minor, currency) : formatMoneyIn(minor, currency, locale);
    }
    case "percent":
      return percentText(num(v, "bp"), locale);
    case "duration":
      return durationText(num(v, "ms"), locale, catalog);
    case "timeLeft": {
      const ms = num(v, "ms");
      return formatKey(catalog, "duration", ms >= 0 ? "left" : "overdueBy", { duration: durationText(ms, locale, catalog) }, locale);
    }
    case "list": {
      if (!Array.isArray(v.items)) throw new ReasonRenderError("list needs items");
      const separator = SEPARATORS[v.separator === "semicolon" ? "semicolon" : "comma"][locale];
      return v.items.map((item) => String(formatValue(item, locale, catalog))).join(separator);
    }
    case "message":
      return formatKey(catalog, "reasons", str(v, "key"), v.params, locale);
    default:
      throw new ReasonRenderError(`unknown parameter type ${String(v.type)}`);
  }
}

/**
 * A reason in `locale`, from that language's messages. Throws ReasonRenderError when the key or
 * a parameter it needs is missing (callers holding a stored English text fall back to it).
 */
export function renderReason(message: { key: string; params: unknown }, locale: Locale, catalog: ReasonCatalog): string {
  return formatKey(catalog, "reasons", message.key, message.params, locale);
}

// A refresh words thousands of flags that share their parameters (every order of a day has the
// same dispatch deadline and, at one "now", the same time left): the English text is remembered
// by the message's JSON, which costs a fraction of rendering it (bounded like business-days' caches).
const englishTexts = new Map<string, string>();

/** A policy-calendar text (namespace "policy", e.g. a rule's threshold) in `locale`; throws like renderReason. */
export function renderPolicyMessage(message: { key: string; params: unknown }, locale: Locale, catalog: ReasonCatalog): string {
  return formatKey(catalog, "policy", message.key, message.params, locale);
}

/** The English policy text: the calendar's own English (CLIs, exports) is worded from the en messages. */
export function englishPolicyText(message: PolicyMessage): string {
  return renderPolicyMessage(message, "en", EN_CATALOG);
}

/** The English wording of a reason: the engine's `reason`, the stored column, exports and CLIs. */
export function englishReason(message: ReasonMessage): string {
  const id = JSON.stringify(message);
  let text = englishTexts.get(id);
  if (text === undefined) {
    text = renderReason(message, "en", EN_CATALOG);
    if (englishTexts.size > 50_000) englishTexts.clear();
    englishTexts.set(id, text);
  }
  return text;
}
