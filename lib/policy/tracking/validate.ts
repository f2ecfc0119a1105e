import type { ReasonMessage } from "../reason";
import { type Carrier, normaliseCarrierName } from "./carriers";
import { type FormatMatch, type TrackingFormat, lookupName, matchAllFormats, normaliseTrackingNumber } from "./formats";

export type TrackingStatus = "valid" | "invalid" | "mismatch" | "unverified";

export type TrackingResult = {
  /** True when the number is acceptable for the named carrier (or for some carrier if none named). */
  valid: boolean;
  /** The carrier the number's format belongs to, or null when it fits no known format. */
  carrier: string | null;
  /** In English (the fix form, exports); `detail` words it in any language (namespace reasons.trackingCheck). */
  reason: string;
  detail: ReasonMessage;
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

// The English `reason` is built here, beside its message, rather than through the reason renderer:
// this module runs in the browser (the tracking fix form), which must not load the message files.
// lib/policy/tracking/tracking.test.ts checks that both say the same.
type Described = { reason: string; detail: ReasonMessage };

function check(key: ReasonMessage["key"], reason: string, params: ReasonMessage["params"] = {}): Described {
  return { reason, detail: { key, params } };
}

function result(normalised: string, status: TrackingStatus, carrier: string | null, described: Described, match: FormatMatch | null): TrackingResult {
  return {
    valid: status === "valid" || status === "unverified",
    carrier,
    reason: described.reason,
    detail: described.detail,
    status,
    format: match?.format.id ?? null,
    normalised,
    s10Country: match?.format.courier === "s10" ? (match.groups.CountryCode ?? null) : null,
  };
}

function describeValid(m: FormatMatch): Described {
  if (m.format.courier === "s10") {
    const country = m.groups.CountryCode ?? "";
    const post = carrierOfMatch(m);
    return check("trackingCheck.validS10", `valid UPU S10 international number issued by ${post} (${country})`, { post, country });
  }
  return check("trackingCheck.valid", `valid ${m.format.name} number`, { format: m.format.name });
}

/**
 * Validates a tracking number. When the order names a carrier, that carrier's formats are tried
 * first: numeric formats collide (a 12-digit FedEx number can look like something else), so the
 * carrier is never inferred from a bare number when the order says which it is.
 */
export function validateTracking(number: string, namedCarrier?: string | null): TrackingResult {
  const n = normaliseTrackingNumber(number);
  if (!n) return result(n, "invalid", null, check("trackingCheck.empty", "tracking number is empty"), null);
  if (!/^[A-Z0-9]+$/.test(n)) return result(n, "invalid", null, check("trackingCheck.characters", "tracking number may only contain letters and digits"), null);

  const matches = matchAllFormats(n);
  const validMatches = matches.filter((m) => m.valid);
  const named = namedCarrier ? normaliseCarrierName(namedCarrier) : null;
  const namedLabel = named ?? (namedCarrier?.trim() || null);

  if (namedLabel === null) {
    const first = validMatches[0];
    if (first) {
      const others = [...new Set(validMatches.slice(1).map(carrierOfMatch))].filter((c) => c !== carrierOfMatch(first));
      const valid = describeValid(first);
      const described = others.length
        ? check("trackingCheck.alsoFits", `${valid.reason}; the same digits also fit ${others.join(", ")}`, {
            valid: { type: "message", ...valid.detail },
            carriers: { type: "list", items: others },
          })
        : valid;
      return result(n, "valid", carrierOfMatch(first), described, first);
    }
    const shaped = matches[0];
    if (shaped) return result(n, "invalid", carrierOfMatch(shaped), failureText(shaped), shaped);
    return result(n, "invalid", null, check("trackingCheck.noFormat", "does not match any known carrier format"), null);
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
      return result(n, "mismatch", owner, otherCarrier(other, namedLabel), other);
    }
    const ownShaped = matches.find((m) => ownFilter(m.format));
    if (ownShaped) return result(n, "invalid", named, failureText(ownShaped), ownShaped);
    return result(n, "invalid", null, check("trackingCheck.noCarrierFormat", `does not match any ${named} tracking number format`, { carrier: named }), null);
  }

  const distinctive = validMatches.find((m) => DISTINCTIVE_FORMATS.has(m.format.id));
  if (distinctive) {
    const owner = carrierOfMatch(distinctive);
    return result(n, "mismatch", owner, otherCarrier(distinctive, namedLabel), distinctive);
  }
  if (n.length < 6 || n.length > 40 || !/[0-9]/.test(n)) {
    return result(
      n,
      "invalid",
      null,
      check("trackingCheck.implausible", `implausible tracking number for ${namedLabel} (6–40 letters/digits with at least one digit expected)`, {
        carrier: namedLabel,
      }),
      null,
    );
  }
  // Keep an S10 match (if any) so overseas_direct can still see where the item was posted.
  const s10 = validMatches.find((m) => m.format.courier === "s10") ?? null;
  return result(
    n,
    "unverified",
    namedLabel,
    check("trackingCheck.unverified", `no check-digit data for ${namedLabel}; only the shape was checked`, { carrier: namedLabel }),
    s10,
  );
}

/** "this is a UPS number, not a USPS number" (with the format's name when it is not the carrier's). */
function otherCarrier(m: FormatMatch, carrier: string): Described {
  const owner = carrierOfMatch(m);
  return m.format.name === owner
    ? check("trackingCheck.otherCarrier", `this is a ${owner} number, not a ${carrier} number`, { owner, carrier })
    : check("trackingCheck.otherCarrierFormat", `this is a ${owner} number (${m.format.name} format), not a ${carrier} number`, {
        owner,
        format: m.format.name,
        carrier,
      });
}

function failureText(m: FormatMatch): Described {
  const format = m.format.name;
  if (m.failure === "unknown_lookup")
    return check("trackingCheck.unknownCode", `${format} shape, but an unknown code (e.g. country) in the number`, { format });
  return check("trackingCheck.checkDigit", `${format} shape, but the check digit is wrong`, { format });
}
