import { type Carrier, normaliseCarrierName } from "./carriers";
import { type FormatMatch, type TrackingFormat, lookupName, matchAllFormats, normaliseTrackingNumber } from "./formats";

export type TrackingStatus = "valid" | "invalid" | "mismatch" | "unverified";

export type TrackingResult = {
  /** True when the number is acceptable for the named carrier (or for some carrier if none named). */
  valid: boolean;
  /** The carrier the number's format belongs to, or null when it fits no known format. */
  carrier: string | null;
  reason: string;
  status: TrackingStatus;
  /** Id of the matched format in the bundled data, when one matched. */
  format: string | null;
  normalised: string;
  /** For UPU S10 numbers: the ISO country whose post issued it. */
  s10Country: string | null;
};

// Carriers whose formats come from the bundled data. Others (OnTrac, Evri, ...) publish no
// check-digit scheme there, so their numbers can only be checked for a plausible shape.
const CARRIER_COURIERS: Partial<Record<Carrier, (f: TrackingFormat) => boolean>> = {
  USPS: (f) => f.courier === "usps" || f.courier === "s10",
  UPS: (f) => f.courier === "ups",
  FedEx: (f) => f.courier === "fedex",
  "DHL Express": (f) => f.courier === "dhl" && f.id.startsWith("dhl_express"),
  "DHL eCommerce": (f) => f.courier === "dhl" && f.id.startsWith("dhl_ecommerce"),
  "Royal Mail": (f) => f.courier === "s10",
};

// Posts that issue S10 numbers and that we know by their canonical name.
const POSTS_BY_COUNTRY: Partial<Record<string, Carrier>> = { US: "USPS", GB: "Royal Mail" };

/** The carrier a matched format belongs to (for S10: the post of the issuing country). */
export function carrierOfMatch(m: FormatMatch): string {
  switch (m.format.courier) {
    case "usps":
      return "USPS";
    case "ups":
      return "UPS";
    case "fedex":
      return "FedEx";
    case "dhl":
      return m.format.id.startsWith("dhl_ecommerce") ? "DHL eCommerce" : "DHL Express";
    case "s10": {
      const country = m.groups.CountryCode ?? "";
      return POSTS_BY_COUNTRY[country] ?? lookupName(m, "Courier", "courier") ?? `Post (${country})`;
    }
  }
}

// Formats unmistakable enough to call a mismatch even when the named carrier has no data of its
// own: a 1Z number is UPS and a 92-95 IMpb number is USPS whatever the order says. Bare numeric
// formats (FedEx 12/15, DHL 10/14) collide with other carriers' numbers and must not be used so.
const DISTINCTIVE_FORMATS = new Set(["ups", "usps_impb_n", "usps_impb_c"]);

function result(normalised: string, status: TrackingStatus, carrier: string | null, reason: string, match: FormatMatch | null): TrackingResult {
  return {
    valid: status === "valid" || status === "unverified",
    carrier,
    reason,
    status,
    format: match?.format.id ?? null,
    normalised,
    s10Country: match?.format.courier === "s10" ? (match.groups.CountryCode ?? null) : null,
  };
}

function describeValid(m: FormatMatch): string {
  if (m.format.courier === "s10") {
    const country = m.groups.CountryCode ?? "";
    return `valid UPU S10 international number issued by ${carrierOfMatch(m)} (${country})`;
  }
  return `valid ${m.format.name} number`;
}

/**
 * Validates a tracking number. When the order names a carrier, that carrier's formats are tried
 * first: numeric formats collide (a 12-digit FedEx number can look like something else), so the
 * carrier is never inferred from a bare number when the order says which it is.
 */
export function validateTracking(number: string, namedCarrier?: string | null): TrackingResult {
  const n = normaliseTrackingNumber(number);
  if (!n) return result(n, "invalid", null, "tracking number is empty", null);
  if (!/^[A-Z0-9]+$/.test(n)) return result(n, "invalid", null, "tracking number may only contain letters and digits", null);

  const matches = matchAllFormats(n);
  const validMatches = matches.filter((m) => m.valid);
  const named = namedCarrier ? normaliseCarrierName(namedCarrier) : null;
  const namedLabel = named ?? (namedCarrier?.trim() || null);

  if (namedLabel === null) {
    const first = validMatches[0];
    if (first) {
      const others = [...new Set(validMatches.slice(1).map(carrierOfMatch))].filter((c) => c !== carrierOfMatch(first));
      const also = others.length ? `; the same digits also fit ${others.join(", ")}` : "";
      return result(n, "valid", carrierOfMatch(first), describeValid(first) + also, first);
    }
    const shaped = matches[0];
    if (shaped) return result(n, "invalid", carrierOfMatch(shaped), failureText(shaped), shaped);
    return result(n, "invalid", null, "does not match any known carrier format", null);
  }

  const ownFilter = named ? CARRIER_COURIERS[named] : undefined;
  if (ownFilter) {
    const own = validMatches.filter((m) => ownFilter(m.format));
    // A post delivers S10 items posted by other posts, so USPS/Royal Mail accept any valid S10
    // number; the overseas_direct rule separately flags an item posted abroad.
    const ownFirst = own.find((m) => m.format.courier !== "s10") ?? own[0];
    if (ownFirst) return result(n, "valid", carrierOfMatch(ownFirst), describeValid(ownFirst), ownFirst);
    const other = validMatches.find((m) => !ownFilter(m.format));
    if (other) {
      const owner = carrierOfMatch(other);
      return result(n, "mismatch", owner, `this is a ${formatLabel(other)}, not a ${named} number`, other);
    }
    const ownShaped = matches.find((m) => ownFilter(m.format));
    if (ownShaped) return result(n, "invalid", named, failureText(ownShaped), ownShaped);
    return result(n, "invalid", null, `does not match any ${named} tracking number format`, null);
  }

  const distinctive = validMatches.find((m) => DISTINCTIVE_FORMATS.has(m.format.id));
  if (distinctive) {
    const owner = carrierOfMatch(distinctive);
    return result(n, "mismatch", owner, `this is a ${formatLabel(distinctive)}, not a ${namedLabel} number`, distinctive);
  }
  if (n.length < 6 || n.length > 40 || !/[0-9]/.test(n)) {
    return result(n, "invalid", null, `implausible tracking number for ${namedLabel} (6–40 letters/digits with at least one digit expected)`, null);
  }
  // Keep an S10 match (if any) so overseas_direct can still see where the item was posted.
  const s10 = validMatches.find((m) => m.format.courier === "s10") ?? null;
  return result(n, "unverified", namedLabel, `no check-digit data for ${namedLabel}; only the shape was checked`, s10);
}

function formatLabel(m: FormatMatch): string {
  const owner = carrierOfMatch(m);
  return m.format.name === owner ? `${owner} number` : `${owner} number (${m.format.name} format)`;
}

function failureText(m: FormatMatch): string {
  if (m.failure === "unknown_lookup") return `${m.format.name} shape, but an unknown code (e.g. country) in the number`;
  return `${m.format.name} shape, but the check digit is wrong`;
}
