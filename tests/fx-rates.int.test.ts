// One reporting currency (issue 21): revenue of GBP and USD stores converted into EUR at the daily
// reference rates stored for the organisation (imported from the ECB's CSV, or typed in), each
// day at its own local day's rate or the latest before it, to the cent of a hand computation; a
// missing rate is said, never papered over; and one organisation's rates are never another's.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteFxRateAction, importEcbRatesAction, saveFxRateAction, setReportingCurrencyAction } from "@/lib/actions/reporting-currency";
import type { SessionUser } from "@/lib/auth";
import { getTrends } from "@/lib/data/overview";
import { convertTrendRevenue, getConvertedKpis, getReportingCurrency, getStoreRevenue } from "@/lib/data/reporting-currency";
import { listFxRates } from "@/lib/data/fx-rates";
import { scopeOf } from "@/lib/data/scope";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const key = Date.now().toString(36);
const NOW = new Date("2019-04-20T12:00:00Z");
// The week of the fixture's rates (ECB, 8–10 April 2019), in UTC instants.
const PERIOD = { from: new Date("2019-04-08T00:00:00Z"), to: new Date("2019-04-15T00:00:00Z"), now: NOW };

let owner: SessionUser;
let other: SessionUser;
let ukStoreId: string;
let orgId: string;
let otherOrgId: string;

const fixture = (name: string) => new File([readFileSync(new URL(`../lib/ingest/fixtures/ecb/${name}`, import.meta.url))], name, { type: "text/csv" });
const upload = (name: string) => {
  const form = new FormData();
  form.append("file", fixture(name));
  return form;
};

async function makeOrg(name: string) {
  const org = await prisma.organization.create({ data: { name: `${name} ${key}` } });
  const user = await prisma.user.create({
    data: { organizationId: org.id, email: `owner-${name.replace(/\W/g, "")}-${key}@fx.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
  });
  return { org, user };
}

async function store(organizationId: string, name: string, currency: string, timeZone: string, market: "US" | "UK") {
  return prisma.store.create({
    data: { organizationId, name, channel: "TIKTOK_SHOP", market, kind: "LOCAL", timeZone, currency, joinedOn: new Date("2019-01-01") },
  });
}

let n = 0;
async function order(
  s: { id: string; organizationId: string; currency: string },
  placedAt: string,
  totalMinor: number,
  status: "COMPLETED" | "CANCELLED" = "COMPLETED",
) {
  await prisma.order.create({
    data: {
      organizationId: s.organizationId,
      storeId: s.id,
      channel: "TIKTOK_SHOP",
      externalId: `FX-${++n}`,
      status,
      placedAt: new Date(placedAt),
      paidAt: new Date(placedAt),
      currency: s.currency,
      totalMinor,
    },
  });
}

beforeAll(async () => {
  const a = await makeOrg("FX seller");
  const b = await makeOrg("FX other");
  owner = a.user;
  other = b.user;
  orgId = a.org.id;
  otherOrgId = b.org.id;
  const uk = await store(orgId, "TikTok UK", "GBP", "Europe/London", "UK");
  const us = await store(orgId, "TikTok US", "USD", "America/New_York", "US");
  ukStoreId = uk.id;
  // UK: Tue 9 Apr £412.37; Wed 10 Apr £1,000.00 + £234.56 (and a cancelled £999.00, no revenue);
  // Sat 13 Apr £100.00 (no ECB rate at weekends); Fri 5 Apr £50.00 (before any rate: outside PERIOD).
  await order(uk, "2019-04-09T11:00:00Z", 41237);
  await order(uk, "2019-04-10T09:00:00Z", 100000);
  await order(uk, "2019-04-10T16:30:00Z", 23456);
  await order(uk, "2019-04-10T17:00:00Z", 99900, "CANCELLED");
  await order(uk, "2019-04-13T12:00:00Z", 10000);
  await order(uk, "2019-04-05T12:00:00Z", 5000);
  // US: Wed 10 Apr $250.00, and $100.00 at 22:00 New York time, already the 11th in UTC: its
  // local day is the 10th, so it is converted at the 10th's rate, not the 11th's.
  await order(us, "2019-04-10T15:00:00Z", 25000);
  await order(us, "2019-04-11T02:00:00Z", 10000);
  // The other organisation: a GBP store, and a rate that would change every figure above if it leaked.
  const otherUk = await store(otherOrgId, "Other UK", "GBP", "Europe/London", "UK");
  await order(otherUk, "2019-04-10T12:00:00Z", 10000);
  await prisma.fxRate.create({ data: { organizationId: otherOrgId, day: new Date("2019-04-12"), base: "EUR", quote: "GBP", rate: "0.5", source: "manual" } });
});

describe("the reporting currency", () => {
  it("defaults to the currency of most revenue, by order count while there are no rates", async () => {
    const rc = await getReportingCurrency(scopeOf(owner), NOW);
    expect(rc).toMatchObject({ chosen: null, automatic: "GBP", currency: "GBP" });
    expect(rc.revenueCurrencies).toEqual(["GBP", "USD"]);
    // Nothing chosen and no rate stored: no conversion is offered, so none is shown.
    expect(rc.converting).toBe(false);
    expect(await getConvertedKpis(scopeOf(owner), PERIOD)).toBeNull();
  });

  it("is not converted at all without a stored rate: the figure says 'no rate'", async () => {
    session.user = owner;
    expect((await setReportingCurrencyAction({ reportingCurrency: "EUR" })).ok).toBe(true);
    const kpis = await getConvertedKpis(scopeOf(owner), PERIOD);
    expect(kpis?.currency).toBe("EUR");
    expect(kpis?.channels[0]?.revenue).toEqual({
      status: "missing",
      currency: "EUR",
      missing: [
        { currency: "GBP", firstDay: "2019-04-09", days: 3 },
        { currency: "USD", firstDay: "2019-04-10", days: 1 },
      ],
    });
  });
});

describe("rates from the ECB's CSV", () => {
  it("imports the history fixture, and a second import changes nothing", async () => {
    session.user = owner;
    const first = await importEcbRatesAction(upload("eurofxref-hist.csv"));
    expect(first).toMatchObject({ ok: true, data: { rates: 96, days: 3, inserted: 96, updated: 0, unchanged: 0 } });
    expect(first.ok && first.message).toBe("Imported 96 rates for 3 days: 96 new, 0 changed, 0 unchanged.");
    const again = await importEcbRatesAction(upload("eurofxref-hist.csv"));
    expect(again).toMatchObject({ ok: true, data: { inserted: 0, updated: 0, unchanged: 96 } });
    expect(await prisma.fxRate.count({ where: { organizationId: orgId } })).toBe(96);
    const gbp = await prisma.fxRate.findFirstOrThrow({ where: { organizationId: orgId, quote: "GBP", day: new Date("2019-04-10") } });
    expect([gbp.base, gbp.rate.toString(), gbp.source]).toEqual(["EUR", "0.86083", "ecb"]);
    // The daily file (another day, another shape) adds its day.
    expect(await importEcbRatesAction(upload("eurofxref.csv"))).toMatchObject({ ok: true, data: { inserted: 30, days: 1 } });
    const listed = await listFxRates(scopeOf(owner));
    expect(listed).toMatchObject({ total: 126, days: 4, hasMore: true });
    expect(listed.rows[0]?.day).toBe("2023-02-10");
  });

  it("refuses a file with bad cells, naming line and column, and imports none of it", async () => {
    session.user = owner;
    const before = await prisma.fxRate.count({ where: { organizationId: orgId } });
    const result = await importEcbRatesAction(upload("eurofxref-errors.csv"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe("Nothing was imported: 4 problems in the file.");
    expect(result.fieldErrors?.file?.split("\n")).toEqual([
      "Line 3, column 1: “2019-04-31” is not a day (2026-11-28 or 28 November 2026).",
      "Line 4, column 2: “1.12x6” is not a rate for USD.",
      "Line 5, column 1: 2019-04-10 is already on line 2.",
      "Line 6, column 5: “7.1” has no currency column above it.",
    ]);
    expect(await prisma.fxRate.count({ where: { organizationId: orgId } })).toBe(before);
  });
});

describe("converted figures", () => {
  it("the overview's GBP and USD revenue in EUR equals the hand computation to the cent, and names the rate days", async () => {
    const kpis = await getConvertedKpis(scopeOf(owner), PERIOD);
    // By hand, each local day at its own ECB rate (EUR/GBP 0.86335 on the 9th, 0.86083 on the 10th;
    // EUR/USD 1.1279 on the 10th), Saturday the 13th at Wednesday's (the latest before it):
    //   £412.37 ÷ 0.86335 = €477.64 · £1,234.56 ÷ 0.86083 = €1,434.15 · £100.00 ÷ 0.86083 = €116.17
    //   $350.00 ÷ 1.1279 = €310.31 (both US orders: the 10th in New York)
    //   total €2,338.27 over 6 orders (the cancelled one is no revenue): AOV €389.71.
    const tiktok = kpis?.channels.find((c) => c.channel === "TIKTOK_SHOP");
    expect(tiktok?.revenue).toEqual({
      status: "converted",
      currency: "EUR",
      minor: 233827n,
      rates: { first: "2019-04-09", last: "2019-04-10", source: "ecb", cross: false },
      from: ["GBP", "USD"],
    });
    expect(tiktok?.aov).toMatchObject({ status: "converted", minor: 38971n });
    expect(kpis?.total.revenue).toMatchObject({ minor: 233827n });
    // No brand-site revenue: nothing to convert.
    expect(kpis?.channels.find((c) => c.channel === "BRAND_SITE")?.revenue).toBeNull();
  });

  it("a day's GBP revenue to EUR: the store figure and the trend agree with the hand computation", async () => {
    const store = await getStoreRevenue(scopeOf(owner), ukStoreId, NOW);
    // Thirty days before 20 April: the 5th's £50.00 is in, and has no rate on or before it.
    expect(store?.revenue).toEqual([{ currency: "GBP", minor: 41237n + 123456n + 10000n + 5000n }]);
    expect(store?.converted?.revenue).toEqual({ status: "missing", currency: "EUR", missing: [{ currency: "GBP", firstDay: "2019-04-05", days: 1 }] });

    const trends = await getTrends(scopeOf(owner), { ...PERIOD, storeId: null, timeZone: null });
    const trend = await convertTrendRevenue(scopeOf(owner), trends, NOW);
    const day = (d: string) => trend?.points.find((p) => p.day === d);
    // Wednesday 10 April: £1,234.56 → €1,434.15 and $350.00 → €310.31.
    expect(day("2019-04-10")).toEqual({ day: "2019-04-10", TIKTOK_SHOP: 143415 + 31031, BRAND_SITE: 0, rateFirst: "2019-04-10", rateLast: "2019-04-10" });
    expect(day("2019-04-09")).toMatchObject({ TIKTOK_SHOP: 47764, rateFirst: "2019-04-09" });
    // Saturday 13 April at Wednesday's rate, and named so.
    expect(day("2019-04-13")).toMatchObject({ TIKTOK_SHOP: 11617, rateFirst: "2019-04-10", rateLast: "2019-04-10" });
    expect(trend?.rates).toEqual({ first: "2019-04-09", last: "2019-04-10", source: "ecb", cross: false });
    expect(trend?.missing).toEqual([]);
  });

  it("crosses through EUR for another reporting currency, and a typed-in rate takes its day", async () => {
    session.user = owner;
    expect((await setReportingCurrencyAction({ reportingCurrency: "USD" })).ok).toBe(true);
    // A decimal comma is read as the point.
    const saved = await saveFxRateAction({ day: "2019-04-11", base: "EUR", quote: "USD", rate: "1,1290" });
    expect(saved).toMatchObject({ ok: true, message: "Saved: 1 EUR = 1.129 USD on 11 Apr 2019." });
    expect(await saveFxRateAction({ day: "2019-04-11", base: "EUR", quote: "USD", rate: "1.129" })).toMatchObject({ ok: true, data: { unchanged: 1 } });
    const refused = await saveFxRateAction({ day: "2019-02-30", base: "EUR", quote: "eur", rate: "-1" });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        day: "A day, such as 2026-11-28",
        quote: "Must differ from the base currency",
        rate: "A positive number with at most 10 decimals, such as 0.8635",
      },
    });

    const kpis = await getConvertedKpis(scopeOf(owner), PERIOD);
    // By hand, GBP → USD = EUR/USD ÷ EUR/GBP of each day:
    //   9th £412.37 × 1.1277 ÷ 0.86335 = $538.63 · 10th £1,234.56 × 1.1279 ÷ 0.86083 = $1,617.58
    //   13th £100.00 × 1.1290 (typed in for the 11th) ÷ 0.86083 (the 10th) = $131.15, dated the 10th
    //   plus the US store's $350.00 as it is: $2,637.36.
    expect(kpis?.channels[0]?.revenue).toEqual({
      status: "converted",
      currency: "USD",
      minor: 53863n + 161758n + 13115n + 35000n,
      rates: { first: "2019-04-09", last: "2019-04-10", source: "mixed", cross: true },
      from: ["GBP"],
    });
  });

  it("never uses another organisation's rates", async () => {
    // The other organisation's only rate (EUR/GBP 0.5 on the 12th) would make the 13th's £100 €200.
    session.user = owner;
    expect((await setReportingCurrencyAction({ reportingCurrency: "EUR" })).ok).toBe(true);
    const trends = await getTrends(scopeOf(owner), { ...PERIOD, storeId: null, timeZone: null });
    expect((await convertTrendRevenue(scopeOf(owner), trends, NOW))?.points.find((p) => p.day === "2019-04-13")?.TIKTOK_SHOP).toBe(11617);
    // And the other organisation sees none of the seller's: its 10 April has no rate of its own.
    session.user = other;
    expect((await setReportingCurrencyAction({ reportingCurrency: "EUR" })).ok).toBe(true);
    const theirs = await getConvertedKpis(scopeOf(other), PERIOD);
    expect(theirs?.channels[0]?.revenue).toEqual({ status: "missing", currency: "EUR", missing: [{ currency: "GBP", firstDay: "2019-04-10", days: 1 }] });
    expect((await listFxRates(scopeOf(other))).total).toBe(1);
  });

  it("automatic compares currencies in EUR once they have rates (not by the size of the number)", async () => {
    const { org, user } = await makeOrg("FX yen");
    const jp = await store(org.id, "Japan", "JPY", "Asia/Tokyo", "US");
    const uk = await store(org.id, "UK", "GBP", "Europe/London", "UK");
    await order(jp, "2019-04-10T03:00:00Z", 500000);
    await order(uk, "2019-04-10T12:00:00Z", 5000);
    await order(uk, "2019-04-10T13:00:00Z", 5000);
    // No rates: by orders, GBP (2) over JPY (1).
    expect((await getReportingCurrency(scopeOf(user), NOW)).automatic).toBe("GBP");
    session.user = user;
    expect((await importEcbRatesAction(upload("eurofxref-hist.csv"))).ok).toBe(true);
    // ¥500,000 ÷ 125.38 = €3,987.88 against £100.00 ÷ 0.86083 = €116.17 (rates of 10 Apr 2019).
    expect((await getReportingCurrency(scopeOf(user), new Date("2019-04-10T12:00:00Z"))).automatic).toBe("JPY");
  });

  it("a mistyped rate is deleted, audited, and the day falls back to the latest earlier rate; never another organisation's", async () => {
    const { org, user } = await makeOrg("FX typo");
    const uk = await store(org.id, "UK", "GBP", "Europe/London", "UK");
    await order(uk, "2019-04-13T12:00:00Z", 10000);
    session.user = user;
    expect((await setReportingCurrencyAction({ reportingCurrency: "EUR" })).ok).toBe(true);
    expect((await saveFxRateAction({ day: "2019-04-12", base: "EUR", quote: "GBP", rate: "0.86" })).ok).toBe(true);
    // A slipped decimal point on the 13th: £100.00 ÷ 0.086 = €1,162.79.
    expect((await saveFxRateAction({ day: "2019-04-13", base: "EUR", quote: "GBP", rate: "0.086" })).ok).toBe(true);
    const revenue = async () => (await getConvertedKpis(scopeOf(user), PERIOD))?.channels[0]?.revenue;
    expect(await revenue()).toMatchObject({ status: "converted", minor: 116279n });
    const typo = (await listFxRates(scopeOf(user))).rows.find((r) => r.day === "2019-04-13");
    if (!typo) throw new Error("the typed rate is not listed");

    // Another organisation's owner cannot delete it (not found, nothing changes); ops cannot either.
    session.user = other;
    expect(await deleteFxRateAction({ rateId: typo.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const ops = await prisma.user.create({
      data: { organizationId: org.id, email: `ops-typo-${key}@fx.test`, name: "Ops", role: "OPS", passwordHash: "x" },
      select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
    });
    session.user = ops;
    expect(await deleteFxRateAction({ rateId: typo.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.fxRate.count({ where: { id: typo.id } })).toBe(1);

    session.user = user;
    expect(await deleteFxRateAction({ rateId: typo.id })).toMatchObject({ ok: true, message: "Deleted: 1 EUR = 0.086 GBP on 13 Apr 2019." });
    // The 13th now converts at the 12th's 0.86: £100.00 ÷ 0.86 = €116.28.
    expect(await revenue()).toMatchObject({ status: "converted", minor: 11628n, rates: { first: "2019-04-12", last: "2019-04-12" } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: org.id, action: "fx_rate.delete" } });
    expect(audit).toMatchObject({ entityId: "EUR/GBP@2019-04-13", before: { rate: "0.086", source: "manual" } });
    // A second delete of the same rate changes nothing and says so.
    expect(await deleteFxRateAction({ rateId: typo.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: "That rate is no longer stored: nothing changed.",
    });
  });

  it("ops cannot change the currency or the rates", async () => {
    const ops = await prisma.user.create({
      data: { organizationId: orgId, email: `ops-${key}@fx.test`, name: "Ops", role: "OPS", passwordHash: "x" },
      select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
    });
    session.user = ops;
    expect(await setReportingCurrencyAction({ reportingCurrency: "GBP" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await importEcbRatesAction(upload("eurofxref.csv"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await saveFxRateAction({ day: "2019-04-11", base: "EUR", quote: "GBP", rate: "0.9" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
