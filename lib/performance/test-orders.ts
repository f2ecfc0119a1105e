import type { PerformanceOrder, StoreTallies } from "./tally";

// A hand-made US store with known answers, shared by the unit tests (tally.ts) and the
// integration test (the same orders written to PostgreSQL and counted by queries.ts).
// now: Wednesday 18 March 2026, 13:00 PDT. The 30-day window starts Mon 16 Feb 20:00Z
// (Presidents' Day, a federal holiday).

export const FIXTURE_NOW = new Date("2026-03-18T20:00:00.000Z");
export const FIXTURE_FROM_30 = new Date("2026-02-16T20:00:00.000Z");

type Fixture = PerformanceOrder & { label: string; note: string };

const base = { inTransitAt: null, deliveredAt: null, cancelledAt: null, trackingFault: false, nonBuyerFaultReturn: false } as const;
const d = (iso: string) => new Date(iso);

export const FIXTURE_ORDERS: Fixture[] = [
  {
    ...base,
    label: "A",
    note: "on time everywhere",
    status: "DELIVERED",
    placedAt: d("2026-03-06T18:00:00Z"),
    dispatchDueAt: d("2026-03-10T07:59:59Z"),
    inTransitAt: d("2026-03-09T20:00:00Z"),
    deliveredAt: d("2026-03-12T18:00:00Z"),
  },
  {
    ...base,
    label: "B",
    note: "dispatched late, invalid tracking, never delivered (OTDR due Mon 16 Mar end of day PDT)",
    status: "IN_TRANSIT",
    placedAt: d("2026-03-03T18:00:00Z"),
    dispatchDueAt: d("2026-03-06T07:59:59Z"),
    inTransitAt: d("2026-03-06T09:00:00Z"),
    trackingFault: true,
  },
  {
    ...base,
    label: "C",
    note: "deadline exactly at the window start (counts), never dispatched",
    status: "AWAITING_SHIPMENT",
    placedAt: d("2026-02-12T20:00:00Z"),
    dispatchDueAt: FIXTURE_FROM_30,
  },
  {
    ...base,
    label: "D",
    note: "deadline 1 ms before the window (not counted); delivered on time only thanks to the holiday; damaged return",
    status: "DELIVERED",
    placedAt: d("2026-02-12T20:00:00Z"),
    dispatchDueAt: new Date(FIXTURE_FROM_30.getTime() - 1),
    inTransitAt: d("2026-02-13T20:00:00Z"),
    deliveredAt: d("2026-02-24T20:00:00Z"),
    nonBuyerFaultReturn: true,
  },
  {
    ...base,
    label: "E",
    note: "deadline exactly now: not passed, not counted",
    status: "AWAITING_SHIPMENT",
    placedAt: d("2026-03-16T20:00:00Z"),
    dispatchDueAt: FIXTURE_NOW,
  },
  {
    ...base,
    label: "F",
    note: "cancelled before the deadline: the buyer's",
    status: "CANCELLED",
    placedAt: d("2026-03-10T18:00:00Z"),
    dispatchDueAt: d("2026-03-13T06:59:59Z"),
    cancelledAt: d("2026-03-10T20:00:00Z"),
  },
  {
    ...base,
    label: "G",
    note: "cancelled after the deadline: seller fault",
    status: "CANCELLED",
    placedAt: d("2026-03-02T18:00:00Z"),
    dispatchDueAt: d("2026-03-05T07:59:59Z"),
    cancelledAt: d("2026-03-07T00:00:00Z"),
  },
  {
    ...base,
    label: "H",
    note: "unpaid: in no rate",
    status: "AWAITING_PAYMENT",
    placedAt: d("2026-03-18T19:30:00Z"),
    dispatchDueAt: d("2026-03-21T06:59:59Z"),
  },
  {
    ...base,
    label: "J",
    note: "delivered without a carrier scan, before the deadline: on time",
    status: "DELIVERED",
    placedAt: d("2026-03-01T18:00:00Z"),
    dispatchDueAt: d("2026-03-04T07:59:59Z"),
    deliveredAt: d("2026-03-03T18:00:00Z"),
  },
  {
    ...base,
    label: "K",
    note: "placed exactly at the window start (counts for SFCR)",
    status: "DELIVERED",
    placedAt: FIXTURE_FROM_30,
    dispatchDueAt: d("2026-02-19T07:59:59Z"),
    inTransitAt: d("2026-02-17T20:00:00Z"),
    deliveredAt: d("2026-02-20T20:00:00Z"),
  },
  {
    ...base,
    label: "L",
    note: "placed 1 ms before the window (not in SFCR); late, invalid tracking, lost",
    status: "IN_TRANSIT",
    placedAt: new Date(FIXTURE_FROM_30.getTime() - 1),
    dispatchDueAt: d("2026-02-19T07:59:59Z"),
    inTransitAt: d("2026-02-20T00:00:00Z"),
    trackingFault: true,
  },
  {
    ...base,
    label: "M",
    note: "delivered 78 days ago: counts only toward the 90-day score minimum",
    status: "COMPLETED",
    placedAt: d("2025-12-20T18:00:00Z"),
    dispatchDueAt: d("2025-12-24T07:59:59Z"),
    inTransitAt: d("2025-12-22T18:00:00Z"),
    deliveredAt: d("2025-12-30T18:00:00Z"),
  },
];

/** With every window the trailing 30 days. */
export const FIXTURE_EXPECTED_30_DAYS: StoreTallies = {
  ldr: { orders: 6, failures: 3 }, // A J K on time; B C L late; D before, E at now
  vtr: { orders: 4, failures: 2 }, // A K valid; B L invalid
  otdr: { orders: 5, failures: 2 }, // A D K on time; B L late
  sfcr: { orders: 7, failures: 1 }, // A B E F G J K; G seller fault
  returns: { orders: 4, failures: 1 }, // A D J K delivered; D damaged
  deliveredForScore: 5, // A D J K M
};

/** OTDR in the ISO week (from Mon 16 Mar 00:00 PDT): only B resolves in it (late). */
export const FIXTURE_EXPECTED_OTDR_WEEK = { orders: 1, failures: 1 };
