import type { PerformanceOrder, StoreTallies } from "./tally";

// A hand-made US store after the 2026 updates, with FBT, UTS and Collections orders and known
// answers, shared by the unit test (tally.ts) and the integration test (queries.ts in SQL).
// now: Wed 10 Jun 2026 12:00 PDT. Every order is placed Mon 1 Jun 11:00 PDT (after 2026-05-19,
// so OTDR runs from Awaiting Shipment): the seller's dispatch deadline is Wed 3 Jun 23:59:59 PDT;
// delivery is due by the 6th business day after 1 Jun, Tue 9 Jun 23:59:59 PDT.

export const FIXTURE_2026_NOW = new Date("2026-06-10T19:00:00.000Z");
const PLACED = new Date("2026-06-01T18:00:00.000Z");
const DUE = new Date("2026-06-04T06:59:59.000Z");
const d = (iso: string) => new Date(iso);

type Fixture = PerformanceOrder & { label: string; note: string };
const base = {
  placedAt: PLACED,
  paidAt: PLACED,
  inTransitAt: null,
  deliveredAt: null,
  cancelledAt: null,
  trackingFault: false,
  nonBuyerFaultReturn: false,
} as const;

export const FIXTURE_2026_ORDERS: Fixture[] = [
  {
    ...base,
    label: "S1",
    note: "seller shipping, on time everywhere",
    fulfillmentType: "SELLER_SHIPPING",
    status: "DELIVERED",
    dispatchDueAt: DUE,
    inTransitAt: d("2026-06-02T18:00:00Z"),
    deliveredAt: d("2026-06-05T18:00:00Z"),
  },
  {
    ...base,
    label: "S2",
    note: "seller shipping, late, invalid tracking, never delivered",
    fulfillmentType: "SELLER_SHIPPING",
    status: "IN_TRANSIT",
    dispatchDueAt: DUE,
    inTransitAt: d("2026-06-05T18:00:00Z"),
    trackingFault: true,
  },
  {
    ...base,
    label: "S3",
    note: "seller shipping, cancelled after the deadline: seller fault",
    fulfillmentType: "SELLER_SHIPPING",
    status: "CANCELLED",
    dispatchDueAt: DUE,
    cancelledAt: d("2026-06-05T18:00:00Z"),
  },
  {
    ...base,
    label: "F1",
    note: "FBT scanned after the nominal deadline: in the LDR denominator only",
    fulfillmentType: "FULFILLED_BY_TIKTOK",
    status: "DELIVERED",
    dispatchDueAt: null,
    inTransitAt: d("2026-06-06T18:00:00Z"),
    deliveredAt: d("2026-06-09T18:00:00Z"),
  },
  {
    ...base,
    label: "F2",
    note: "FBT cancelled after the nominal deadline: in the SFCR denominator only",
    fulfillmentType: "FULFILLED_BY_TIKTOK",
    status: "CANCELLED",
    dispatchDueAt: null,
    cancelledAt: d("2026-06-05T18:00:00Z"),
  },
  {
    ...base,
    label: "U1",
    note: "UTS shipped in time, delivered late: exempt from OTDR; never in VTR",
    fulfillmentType: "UPGRADED_TIKTOK_SHIPPING",
    status: "IN_TRANSIT",
    dispatchDueAt: DUE,
    inTransitAt: d("2026-06-03T18:00:00Z"),
  },
  {
    ...base,
    label: "U2",
    note: "UTS shipped late, never delivered: late in LDR and OTDR",
    fulfillmentType: "UPGRADED_TIKTOK_SHIPPING",
    status: "IN_TRANSIT",
    dispatchDueAt: DUE,
    inTransitAt: d("2026-06-05T18:00:00Z"),
  },
  {
    ...base,
    label: "C1",
    note: "Collections with a tracking fault: not in VTR; on time",
    fulfillmentType: "COLLECTIONS_BY_TIKTOK",
    status: "DELIVERED",
    dispatchDueAt: DUE,
    inTransitAt: d("2026-06-02T18:00:00Z"),
    deliveredAt: d("2026-06-04T18:00:00Z"),
    trackingFault: true,
  },
];

/** Every window the trailing 30 days, computed by hand from the notes above. */
export const FIXTURE_2026_EXPECTED: StoreTallies = {
  ldr: { orders: 6, failures: 2 }, // S1 S2 F1 U1 U2 C1 (cancelled S3 F2 out); late S2 U2 (F1 is TikTok's)
  vtr: { orders: 2, failures: 1 }, // seller shipping only: S1, S2 (invalid)
  otdr: { orders: 4, failures: 2 }, // S1 C1 on time; S2 U2 late; F1 (FBT) and U1 (UTS in time) out; S3 F2 cancelled
  sfcr: { orders: 8, failures: 1 }, // all eight (FBT with its nominal deadline); S3 seller fault, F2 is FBT
  returns: { orders: 3, failures: 0 }, // S1 F1 C1 delivered
  deliveredForScore: 3,
};
