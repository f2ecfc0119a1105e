import type { Market } from "../types";

/** Canonical carrier names: the exact spellings of the approved lists in the policy spec. */
export const CARRIERS = [
  "USPS",
  "UPS",
  "FedEx",
  "LaserShip",
  "OnTrac",
  "Better Trucks",
  "TForce",
  "DHL eCommerce",
  "DHL Express",
  "Amazon Logistics",
  "AxleHire",
  "Lone Star Overnight",
  "Deliver-it",
  "GLS US",
  "Spee-Dee Delivery",
  "Wizmo",
  "Royal Mail",
  "Evri",
  "DPD",
  "Yodel",
  // China→US direct shipping (designated by the platform from 2026-02-01, press).
  "JD Logistics",
  "YunExpress",
  "Yanwen",
  "4PX",
  "SF Express",
  "BEST",
  "Jisu",
  "Yidai",
] as const;
export type Carrier = (typeof CARRIERS)[number];

// Source: policy spec, "tracking.carrier_not_approved" (3P lists; the UK one is partial).
export const APPROVED_CARRIERS: Record<Market, readonly Carrier[]> = {
  US: [
    "USPS",
    "UPS",
    "FedEx",
    "LaserShip",
    "OnTrac",
    "Better Trucks",
    "TForce",
    "DHL eCommerce",
    "Amazon Logistics",
    "AxleHire",
    "Lone Star Overnight",
    "Deliver-it",
    "GLS US",
    "Spee-Dee Delivery",
    "Wizmo",
  ],
  UK: ["Royal Mail", "Evri", "DPD", "Yodel"],
};

/**
 * US cross-border stores shipping direct from China may use only these (press, english.ebrun.com
 * 2026-01-31, from 2026-02-01; reviewed quarterly). DHL Express and FedEx only for oversize parcels.
 */
export const CHINA_TO_US_DESIGNATED_CARRIERS: readonly Carrier[] = [
  "JD Logistics",
  "YunExpress",
  "Yanwen",
  "4PX",
  "SF Express",
  "BEST",
  "Jisu",
  "Yidai",
  "DHL Express",
  "FedEx",
];
/** Designated for oversize parcels only. */
export const CHINA_TO_US_OVERSIZE_ONLY: readonly Carrier[] = ["DHL Express", "FedEx"];

// Aliases after simplification (lower case, punctuation and spaces collapsed). Plain "DHL" means
// DHL Express, which is NOT on the US list: only DHL eCommerce is, so the two must stay apart.
const ALIASES: Record<Carrier, string[]> = {
  USPS: [
    "usps",
    "us postal service",
    "u s postal service",
    "united states postal service",
    "us mail",
    "united states post office",
    "us post office",
    "postal service",
  ],
  UPS: ["ups", "united parcel service", "u p s"],
  FedEx: ["fedex", "fed ex", "federal express", "fedex ground", "fedex express", "fedex home delivery", "fedex smartpost"],
  LaserShip: ["lasership", "laser ship"],
  OnTrac: ["ontrac", "on trac"],
  "Better Trucks": ["better trucks", "bettertrucks"],
  TForce: ["tforce", "t force", "tforce final mile", "tforce freight"],
  "DHL eCommerce": ["dhl ecommerce", "dhl e commerce", "dhl ecommerce solutions", "dhl global mail", "dhlecommerce"],
  "DHL Express": ["dhl", "dhl express", "dhl worldwide express"],
  "Amazon Logistics": ["amazon logistics", "amazon shipping", "amzl", "amazon"],
  AxleHire: ["axlehire", "axle hire"],
  "Lone Star Overnight": ["lone star overnight", "lso", "lonestar overnight"],
  "Deliver-it": ["deliver it", "deliverit"],
  "GLS US": ["gls us", "gls usa", "gls"],
  "Spee-Dee Delivery": ["spee dee delivery", "speedee delivery", "spee dee", "speedee"],
  Wizmo: ["wizmo"],
  "Royal Mail": ["royal mail", "royalmail"],
  // Evri was called Hermes UK until 2022; sellers' exports still say Hermes.
  Evri: ["evri", "hermes", "hermes uk", "myhermes"],
  DPD: ["dpd", "dpd uk", "dpd local"],
  Yodel: ["yodel"],
  "JD Logistics": ["jd logistics", "jd", "jingdong logistics", "jdl"],
  YunExpress: ["yunexpress", "yun express", "yuntu"],
  Yanwen: ["yanwen", "yanwen logistics"],
  "4PX": ["4px", "4px express", "4px worldwide express"],
  "SF Express": ["sf express", "sf", "sf international", "shunfeng"],
  BEST: ["best", "best express", "best inc"],
  Jisu: ["jisu", "jisu express"],
  Yidai: ["yidai", "yidai logistics"],
};

function simplify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,'’()_/-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ALIAS_LIST: { alias: string; carrier: Carrier }[] = Object.entries(ALIASES)
  .flatMap(([carrier, aliases]) => aliases.map((alias) => ({ alias, carrier: carrier as Carrier })))
  .sort((a, b) => b.alias.length - a.alias.length);

/**
 * Maps a free-text carrier name to its canonical spelling, or null when unknown. A service suffix
 * is tolerated ("USPS Ground Advantage", "UPS SurePost"), matched on whole words so that "UPS"
 * never swallows "USPS".
 */
export function normaliseCarrierName(name: string | null | undefined): Carrier | null {
  if (!name) return null;
  const s = simplify(name);
  if (!s) return null;
  for (const { alias, carrier } of ALIAS_LIST) if (s === alias) return carrier;
  for (const { alias, carrier } of ALIAS_LIST) if (s.startsWith(`${alias} `)) return carrier;
  return null;
}

export function isApprovedCarrier(market: Market, carrier: Carrier | null, approved = APPROVED_CARRIERS): boolean {
  return carrier !== null && approved[market].includes(carrier);
}

const TRACKING_URLS: Partial<Record<Carrier, string>> = {
  USPS: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s",
  UPS: "https://www.ups.com/track?tracknum=%s",
  FedEx: "https://www.fedex.com/fedextrack/?trknbr=%s",
  "DHL Express": "https://www.dhl.com/en/express/tracking.html?AWB=%s&brand=DHL",
  "DHL eCommerce": "https://www.dhl.com/us-en/home/tracking/tracking-ecommerce.html?tracking-id=%s",
  "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/%s",
  Evri: "https://www.evri.com/track/parcel/%s",
  OnTrac: "https://www.ontrac.com/tracking/?number=%s",
  LaserShip: "https://www.ontrac.com/tracking/?number=%s",
};

/** A public tracking page for the number, or null when we know no URL for the carrier. */
export function buildTrackingUrl(carrierName: string | null | undefined, trackingNumber: string): string | null {
  const carrier = normaliseCarrierName(carrierName);
  const template = carrier ? TRACKING_URLS[carrier] : undefined;
  if (!template) return null;
  const n = trackingNumber.replace(/[\s-]+/g, "").toUpperCase();
  if (!n) return null;
  return template.replace("%s", encodeURIComponent(n));
}
