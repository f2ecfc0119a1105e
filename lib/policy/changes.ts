import { type LocalDate, localDateOf } from "./business-days";
import { DEFAULT_SETTINGS, type PolicySettings } from "./settings";
import { type ChangeId, type Confidence, type Market, type RuleId } from "./types";

// The 2026 updates (policy-2026.md, "Updates during 2026", added 2026-12-01) as calendar entries:
// each a dated change to a rule of the late-2025 brief, with the version of the source page it
// was read from and how sure we are. An order is judged by the version in force when it was
// placed (a return when it was requested), so each change gates on that instant.

export type ChangeKind =
  /** A rule that did not exist before. */
  | "new_rule"
  /** A rule's threshold, window or list changed. */
  | "changed_threshold"
  /** How a rate is measured changed. */
  | "changed_metric"
  /** Announced, then withdrawn: nothing to do. */
  | "withdrawn"
  /** Platform behaviour we only record (no flag). */
  | "information";

/** What a change judges, for "whom it hits" on /policy. */
export type ChangeTarget = "orders" | "returns" | "stores" | "none";

export type PolicyChange = {
  id: ChangeId;
  title: string;
  kind: ChangeKind;
  /** ISO date in the market's zone; null when the source gives none (already in force). */
  effectiveFrom: LocalDate | null;
  /** How the source states the date when it is not a day ("Q1 2026"). */
  effectiveText?: string;
  /** The version (or publication) date of the source page the entry was read from. */
  versionDate: LocalDate;
  confidence: Confidence;
  sources: readonly string[];
  summary: string;
  markets: readonly Market[];
  /** Rules of the calendar this change alters (empty for metrics and information). */
  rules: readonly RuleId[];
  target: ChangeTarget;
  /** For a withdrawn change: the date it was halted. */
  withdrawnOn?: LocalDate;
};

const SU = (id: string) => `seller-us.tiktok.com/university/essay?knowledge_id=${id}`;

const CHANGES: readonly PolicyChange[] = [
  {
    id: "performance.ldr_bands",
    title: "Late-dispatch rate bands: healthy ≤ 4 %, at risk 4–10 %, enforcement > 10 %",
    kind: "changed_threshold",
    effectiveFrom: "2026-03-02",
    versionDate: "2026-03-02",
    confidence: "official",
    sources: [`${SU("3668989549299511")} (US LDR guide, versions of 2026-01-09 and 2026-03-02)`],
    summary:
      "LDR ≤ 4 % is recommended; above 10 % enforcement actions may be applied (Account Health point deductions, order-volume limits, longer settlement). Dispatch is the carrier's first scan within 2 business days.",
    markets: ["US"],
    rules: [],
    target: "stores",
  },
  {
    id: "fulfillment.fulfillment_type",
    title: "Fulfilment type per order: FBT off the seller's clock, UTS and Collections exemptions",
    kind: "new_rule",
    effectiveFrom: "2026-02-05",
    versionDate: "2026-02-02",
    confidence: "official",
    sources: [
      `${SU("1830506744514347")} and ${SU("4455924967638798")} (Upgraded TikTok Shipping, Collections; 2026-02-02)`,
      "sellersafe.io/changes/tiktok.html (3P, FBT formulas)",
    ],
    summary:
      "FBT orders are dispatched by TikTok: no seller dispatch clock, no seller label/tracking rules; they leave the LDR and SFCR numerators, stay in the denominators, and OTDR does not count them. VTR does not count FBT, UTS or Collections. UTS orders shipped within 2 business days are exempt from OTDR.",
    markets: ["US", "UK"],
    rules: [
      "fulfillment.dispatch_deadline",
      "fulfillment.auto_cancel_risk",
      "label.usps_requires_tiktok_shipping",
      "tracking.missing",
      "tracking.invalid",
      "tracking.carrier_mismatch",
      "tracking.carrier_not_approved",
      "tracking.duplicate",
    ],
    target: "orders",
  },
  {
    id: "performance.otdr_from_awaiting_shipment",
    title: "On-time delivery measured from Awaiting Shipment",
    kind: "changed_metric",
    effectiveFrom: "2026-05-19",
    versionDate: "2026-05-19",
    confidence: "3P",
    sources: [`polici.net (3P tracker citing ${SU("7671875816589099")})`],
    summary:
      "OTDR counts from the instant the order entered Awaiting Shipment, not from the dispatch. Threshold stays ≥ 80 %; a violation stays on record 90 days; first appeal within 30 days of the notice, a second within 15 days of a rejection.",
    markets: ["US"],
    rules: [],
    target: "stores",
  },
  {
    id: "returns.response_window_business_days",
    title: "US return review: 2 business days, 4 for refunds over $100",
    kind: "changed_threshold",
    effectiveFrom: "2026-02-25",
    versionDate: "2026-02-25",
    confidence: "official",
    sources: [`${SU("8854995425085230")} (US seller-protection page)`],
    summary:
      "The seller reviews a US return within 2 business days (4 for refunds over $100.00), else it is auto-approved; returns not yet delivered can be reviewed from 10 days after drop-off; risky buyers are left out of the Shop Performance Score. UK stays 48 h.",
    markets: ["US"],
    rules: ["returns.response_due"],
    target: "returns",
  },
  {
    id: "returns.item_does_not_fit",
    title: '"Item does not fit" offered for fashion items only',
    kind: "information",
    effectiveFrom: "2026-05-26",
    versionDate: "2026-05-26",
    confidence: "3P",
    sources: ["sellersafe.io/changes/tiktok.html (3P tracker)"],
    summary: "Offered to buyers for fashion items only, never for non-returnable items: refusing a non-fashion return filed with that reason is justified.",
    markets: ["US"],
    rules: [],
    target: "none",
  },
  {
    id: "tracking.china_us_designated_carriers",
    title: "China→US direct shipping: designated carriers only",
    kind: "changed_threshold",
    effectiveFrom: "2026-02-01",
    versionDate: "2026-01-31",
    confidence: "press",
    sources: ["english.ebrun.com/20260131/638701.shtml"],
    summary:
      "US cross-border stores shipping direct from China may use only JD Logistics, YunExpress, Yanwen, 4PX, SF Express, BEST, Jisu and Yidai (DHL Express / FedEx for oversize parcels). The list is reviewed quarterly.",
    markets: ["US"],
    rules: ["tracking.carrier_not_approved"],
    target: "orders",
  },
  {
    id: "fulfillment.on_hold_window",
    title: "New orders On Hold for the buyer's 1-hour cancellation window",
    kind: "information",
    effectiveFrom: "2026-01-01",
    effectiveText: "Q1 2026",
    versionDate: "2026-01-01",
    confidence: "official",
    sources: ["TikTok Shop partner API changelog (is_on_hold_order)"],
    summary: "Do not ship an order On Hold during the hour; the dispatch clock still runs from order creation.",
    markets: ["US", "UK"],
    rules: [],
    target: "orders",
  },
  {
    id: "fulfillment.seller_shipping_phase_out",
    title: "Seller Shipping phase-out — announced, then withdrawn",
    kind: "withdrawn",
    effectiveFrom: null,
    effectiveText: "announced 2026-01 for 2026-03-31, halted 2026-02-17",
    versionDate: "2026-02-18",
    confidence: "press",
    sources: ["modernretail.co (2026-01-28 and 2026-02-18)"],
    summary:
      'TikTok planned to move US sellers onto its own logistics by 2026-03-31, then told sellers "Seller Shipping remains unchanged". Not a rule: keep your logistics; pages still claiming the mandate are out of date.',
    markets: ["US"],
    rules: [],
    target: "none",
    withdrawnOn: "2026-02-17",
  },
  {
    id: "fulfillment.buyer_refund_after_7_days",
    title: "Buyer may cancel for a refund when not In Transit after 7 business days",
    kind: "information",
    effectiveFrom: null,
    effectiveText: "in force",
    versionDate: "2026-01-06",
    confidence: "official",
    sources: [`${SU("8064131472115499")} (SLA, auto-cancel)`],
    summary: "Alongside the auto-cancel rule: an order not In Transit after 7 business days may be cancelled by the buyer for a refund.",
    markets: ["US", "UK"],
    rules: ["fulfillment.auto_cancel_risk"],
    target: "orders",
  },
];

export const POLICY_CHANGES: readonly PolicyChange[] = CHANGES;

const byId = new Map(CHANGES.map((c) => [c.id, c]));

export function policyChange(id: ChangeId): PolicyChange {
  return byId.get(id) as PolicyChange;
}

/** The change's effective date with the organisation's override applied. */
export function changeEffectiveFrom(id: ChangeId, settings: PolicySettings = DEFAULT_SETTINGS): LocalDate | null {
  return settings.effectiveFrom[id] ?? policyChange(id).effectiveFrom;
}

/** Whether a change applies to something dated `at` (an order's placement, a return's request) in `market`. */
export function changeInForce(id: ChangeId, market: Market, at: Date, settings: PolicySettings = DEFAULT_SETTINGS): boolean {
  const c = policyChange(id);
  if (c.kind === "withdrawn") return false;
  if (!c.markets.includes(market)) return false;
  const from = changeEffectiveFrom(id, settings);
  return from === null || localDateOf(market, at) >= from;
}

export type ChangeStatus = "in_force" | "upcoming" | "withdrawn";

export type ChangeRow = PolicyChange & { effectiveFrom: LocalDate | null; defaultEffectiveFrom: LocalDate | null; status: ChangeStatus };

/** The 2026 updates for /policy, newest first (by effective date, else version date). */
export function listChanges(now: Date, settings: PolicySettings = DEFAULT_SETTINGS): ChangeRow[] {
  const rows = CHANGES.map((c): ChangeRow => {
    const from = changeEffectiveFrom(c.id, settings);
    const status: ChangeStatus =
      c.kind === "withdrawn" ? "withdrawn" : from === null || c.markets.some((m) => localDateOf(m, now) >= from) ? "in_force" : "upcoming";
    return { ...c, effectiveFrom: from, defaultEffectiveFrom: c.effectiveFrom, status };
  });
  const key = (r: ChangeRow) => r.effectiveFrom ?? r.withdrawnOn ?? r.versionDate;
  return rows.sort((a, b) => key(b).localeCompare(key(a)) || a.id.localeCompare(b.id));
}
