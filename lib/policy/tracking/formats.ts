import { z } from "zod";
import dhlData from "./data/dhl.json";
import fedexData from "./data/fedex.json";
import s10Data from "./data/s10.json";
import upsData from "./data/ups.json";
import uspsData from "./data/usps.json";

// The tracking_number_data project (MIT, see data/LICENSE.tracking_number_data) describes each
// format as a regex with named groups plus a checksum recipe. We read it as data rather than
// re-typing the rules, so an update of the JSON files is an update of the validator.

const checksumSchema = z.discriminatedUnion("name", [
  z.object({
    name: z.literal("mod10"),
    modulo: z.number().optional(),
    evens_multiplier: z.number().optional(),
    odds_multiplier: z.number().optional(),
    reverse: z.boolean().optional(),
  }),
  z.object({ name: z.literal("mod7"), modulo: z.number().optional() }),
  z.object({ name: z.literal("s10"), weightings: z.array(z.number()), modulo: z.number() }),
  z.object({
    name: z.literal("sum_product_with_weightings_and_modulo"),
    weightings: z.array(z.number()),
    modulo1: z.number(),
    modulo2: z.number(),
  }),
  z.object({ name: z.literal("luhn") }),
]);

const lookupSchema = z.object({ matches: z.string().optional(), matches_regex: z.string().optional() }).catchall(z.unknown());

const formatSchema = z.object({
  name: z.string(),
  id: z.string().optional(),
  regex: z.union([z.string(), z.array(z.string())]),
  tracking_url: z.string().nullable().optional(),
  validation: z.object({
    checksum: checksumSchema.optional(),
    serial_number_format: z.object({ prepend_if: z.object({ matches_regex: z.string(), content: z.string() }) }).optional(),
    additional: z.object({ exists: z.array(z.string()) }).optional(),
  }),
  additional: z.array(z.object({ name: z.string(), regex_group_name: z.string(), lookup: z.array(lookupSchema) })).optional(),
  test_numbers: z.object({ valid: z.array(z.string()), invalid: z.array(z.string()) }),
});

const courierSchema = z.object({
  name: z.string(),
  courier_code: z.string(),
  tracking_numbers: z.array(formatSchema),
});

export type CourierCode = "usps" | "ups" | "fedex" | "dhl" | "s10";
export type Checksum = z.infer<typeof checksumSchema>;
export type RawFormat = z.infer<typeof formatSchema>;
type Lookup = z.infer<typeof lookupSchema>;

export type TrackingFormat = {
  /** Stable id; the data leaves "UPS Waybill" without one, so we derive it from the name. */
  id: string;
  name: string;
  courier: CourierCode;
  pattern: RegExp;
  checksum: Checksum | null;
  prependIf: { pattern: RegExp; content: string } | null;
  requiredLookups: { group: string; lookup: Lookup[] }[];
  lookups: { name: string; group: string; lookup: Lookup[] }[];
  trackingUrl: string | null;
  testNumbers: { valid: string[]; invalid: string[] };
};

const RAW_COURIERS: Record<CourierCode, unknown> = {
  ups: upsData,
  usps: uspsData,
  fedex: fedexData,
  s10: s10Data,
  dhl: dhlData,
};

function toFormat(courier: CourierCode, raw: RawFormat): TrackingFormat {
  const source = Array.isArray(raw.regex) ? raw.regex.join("") : raw.regex;
  const lookups = (raw.additional ?? []).map((a) => ({ name: a.name, group: a.regex_group_name, lookup: a.lookup }));
  const required = raw.validation.additional?.exists ?? [];
  const prepend = raw.validation.serial_number_format?.prepend_if;
  return {
    id: raw.id ?? `${courier}_${raw.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`,
    name: raw.name,
    courier,
    // Anchored like the reference implementations' VERIFY_PATTERN: the whole number must match.
    pattern: new RegExp(`^(?:${source})$`),
    checksum: raw.validation.checksum ?? null,
    prependIf: prepend ? { pattern: new RegExp(prepend.matches_regex), content: prepend.content } : null,
    requiredLookups: lookups.filter((l) => required.includes(l.name)).map((l) => ({ group: l.group, lookup: l.lookup })),
    lookups,
    trackingUrl: raw.tracking_url ?? null,
    testNumbers: raw.test_numbers,
  };
}

function loadFormats(): TrackingFormat[] {
  const out: TrackingFormat[] = [];
  for (const [code, raw] of Object.entries(RAW_COURIERS) as [CourierCode, unknown][]) {
    const courier = courierSchema.parse(raw);
    for (const f of courier.tracking_numbers) out.push(toFormat(code, f));
  }
  return out;
}

/** Every format from the bundled data, in detection priority order (UPS, USPS, FedEx, S10, DHL). */
export const TRACKING_FORMATS: readonly TrackingFormat[] = loadFormats();

export function normaliseTrackingNumber(input: string): string {
  // Labels are often copied with spaces or hyphens between digit groups.
  return input.replace(/[\s-]+/g, "").toUpperCase();
}

function digitValue(c: string): number {
  // UPS 1Z numbers carry letters; the reference implementation maps them with (code - 3) mod 10.
  return /[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10;
}

export function verifyChecksum(checksum: Checksum, serial: string, checkDigit: string): boolean {
  const check = Number(checkDigit);
  if (!Number.isInteger(check)) return false;
  switch (checksum.name) {
    case "mod10": {
      const chars = checksum.reverse ? [...serial].reverse() : [...serial];
      let total = 0;
      chars.forEach((c, i) => {
        let x = digitValue(c);
        if (i % 2 === 1 && checksum.odds_multiplier !== undefined) x *= checksum.odds_multiplier;
        else if (i % 2 === 0 && checksum.evens_multiplier !== undefined) x *= checksum.evens_multiplier;
        total += x;
      });
      const rem = total % (checksum.modulo ?? 10);
      return (rem === 0 ? 0 : 10 - rem) === check;
    }
    case "mod7": {
      if (!/^[0-9]+$/.test(serial)) return false;
      return Number(BigInt(serial) % BigInt(checksum.modulo ?? 7)) === check;
    }
    case "s10": {
      if (serial.length !== checksum.weightings.length) return false;
      let total = 0;
      checksum.weightings.forEach((w, i) => (total += Number(serial[i]) * w));
      const raw = checksum.modulo - (total % checksum.modulo);
      // UPU S10: a remainder giving 10 maps to 0 and 11 maps to 5.
      const expected = raw === 10 ? 0 : raw === 11 ? 5 : raw;
      return expected === check;
    }
    case "sum_product_with_weightings_and_modulo": {
      if (serial.length !== checksum.weightings.length) return false;
      let total = 0;
      checksum.weightings.forEach((w, i) => (total += Number(serial[i]) * w));
      return (total % checksum.modulo1) % checksum.modulo2 === check;
    }
    case "luhn": {
      let total = 0;
      [...serial].reverse().forEach((c, i) => {
        let x = Number(c);
        if (i % 2 === 0) {
          x *= 2;
          if (x > 9) x -= 9;
        }
        total += x;
      });
      return (10 - (total % 10)) % 10 === check;
    }
  }
}

function lookupMatches(entry: Lookup, value: string): boolean {
  if (entry.matches !== undefined) return entry.matches === value;
  if (entry.matches_regex !== undefined) return new RegExp(`^(?:${entry.matches_regex})$`).test(value);
  return false;
}

export type FormatMatch = {
  format: TrackingFormat;
  /** True when the regex, the check digit and any required lookup all pass. */
  valid: boolean;
  /** Why a regex match was still rejected. */
  failure: "check_digit" | "unknown_lookup" | null;
  groups: Record<string, string>;
};

/** Tries one format on an already normalised number; null when the shape does not match. */
export function matchFormat(format: TrackingFormat, normalised: string): FormatMatch | null {
  const m = format.pattern.exec(normalised);
  if (!m) return null;
  const groups: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) groups[k] = v.replace(/\s+/g, "");
  for (const req of format.requiredLookups) {
    const value = groups[req.group];
    if (value === undefined || !req.lookup.some((e) => lookupMatches(e, value))) {
      return { format, valid: false, failure: "unknown_lookup", groups };
    }
  }
  if (format.checksum) {
    let serial = groups.SerialNumber ?? "";
    if (format.prependIf && format.prependIf.pattern.test(serial)) serial = format.prependIf.content + serial;
    const check = groups.CheckDigit ?? "";
    if (!verifyChecksum(format.checksum, serial, check)) return { format, valid: false, failure: "check_digit", groups };
  }
  return { format, valid: true, failure: null, groups };
}

/** All formats whose shape the number has, valid or not, in priority order. */
export function matchAllFormats(normalised: string): FormatMatch[] {
  const out: FormatMatch[] = [];
  for (const f of TRACKING_FORMATS) {
    const m = matchFormat(f, normalised);
    if (m) out.push(m);
  }
  return out;
}

export function lookupName(match: FormatMatch, lookupName: string, key: string): string | null {
  const l = match.format.lookups.find((x) => x.name === lookupName);
  const value = l ? match.groups[l.group] : undefined;
  if (!l || value === undefined) return null;
  const entry = l.lookup.find((e) => lookupMatches(e, value));
  const v = entry?.[key];
  return typeof v === "string" ? v : null;
}
