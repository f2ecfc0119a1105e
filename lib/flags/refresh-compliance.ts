import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/database/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FlagSubject, Severity } from "@/lib/generated/prisma/enums";
import { type Flag, type RuleId, evaluateCreatorVideos, evaluateInventory, evaluateSkuPrices, evaluateStore } from "@/lib/policy";
import { currentPrices, depositForPolicy, differenceBasisPoints, isNonInteractiveStyle, marketOfCurrency, pricePairs } from "@/lib/compliance/ledger";
import { readOrganizationSettings } from "@/lib/data/settings";

// Turns the compliance records (registration, deposit ledger, creator videos, listing prices and
// stock) into stored RiskFlag rows, so /risk shows them next to order flags. Each refresh replaces
// the flags of its own rule families for the subjects it was given (delete + insert in one
// transaction): a fixed problem disappears, flags of other families are left alone.

const SEVERITY: Record<Flag["severity"], Severity> = { info: "INFO", warning: "WARNING", critical: "CRITICAL" };

export const STORE_RULES: readonly RuleId[] = [
  "deposit.topup_due",
  "deposit.shortfall",
  "registration.business_too_young",
  "registration.license_expiring",
  "registration.entity_not_eligible",
];
export const CREATOR_RULES: readonly RuleId[] = ["content.near_limit", "content.restricted", "content.links_dropped"];
export const LISTING_RULES: readonly RuleId[] = ["pricing.mismatch", "inventory.oversell_risk"];

/** Orders still to be shipped: their units are promised from the shared stock (both channels). */
export const OPEN_DEMAND_STATUSES = ["AWAITING_PAYMENT", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"] as const;

export type ComplianceRefreshResult = { subjects: number; flags: number };

type FlagRow = Prisma.RiskFlagCreateManyInput;

const settingsOf = readOrganizationSettings;

function toRow(
  flag: Flag,
  base: { organizationId: string; subjectType: FlagSubject; subjectId: string; storeId: string | null; supplierId?: string | null },
): FlagRow {
  return {
    id: randomUUID(),
    organizationId: base.organizationId,
    subjectType: base.subjectType,
    subjectId: base.subjectId,
    storeId: base.storeId,
    supplierId: base.supplierId ?? null,
    rule: flag.rule,
    severity: SEVERITY[flag.severity],
    dueAt: flag.dueAt,
    reason: flag.reason,
    reasonKey: flag.message.key,
    reasonParams: flag.message.params as Prisma.InputJsonValue,
    evidence: flag.evidence as Prisma.InputJsonValue,
    upcoming: flag.upcoming ?? false,
  };
}

/** One stored row per (subject, rule): the engine's flags come sorted most severe first. */
function firstPerRule(flags: readonly Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((f) => (seen.has(f.rule) ? false : (seen.add(f.rule), true)));
}

async function replaceFlags(db: Db, subjectType: FlagSubject, subjectIds: readonly string[], rules: readonly RuleId[], rows: FlagRow[]): Promise<number> {
  if (subjectIds.length === 0) return 0;
  await db.$transaction(async (tx) => {
    await tx.riskFlag.deleteMany({ where: { subjectType, subjectId: { in: [...subjectIds] }, rule: { in: [...rules] } } });
    if (rows.length) await tx.riskFlag.createMany({ data: rows });
  });
  return rows.length;
}

// ---- stores: registration + deposit -------------------------------------------------------

export async function refreshStores(db: Db, organizationId: string, storeIds: readonly string[] | null, now: Date): Promise<ComplianceRefreshResult> {
  const settings = await settingsOf(db, organizationId);
  const stores = await db.store.findMany({
    where: { organizationId, ...(storeIds ? { id: { in: [...storeIds] } } : {}) },
    select: {
      id: true,
      channel: true,
      market: true,
      kind: true,
      timeZone: true,
      joinedOn: true,
      registration: { select: { entityType: true, incorporatedOn: true, licenceExpiresOn: true } },
    },
  });
  if (stores.length === 0) return { subjects: 0, flags: 0 };
  const ids = stores.map((s) => s.id);
  // Ledger totals per store, kind and currency in SQL; the balance is signed in lib/compliance/ledger.
  const sums = await db.depositEntry.groupBy({ by: ["storeId", "kind", "currency"], where: { storeId: { in: ids } }, _sum: { amountMinor: true } });
  const rows: FlagRow[] = [];
  for (const s of stores) {
    if (s.channel !== "TIKTOK_SHOP") continue;
    const lines = sums.filter((x) => x.storeId === s.id).map((x) => ({ kind: x.kind, currency: x.currency, amountMinor: x._sum.amountMinor ?? 0 }));
    const reg = s.registration;
    const flags = evaluateStore(
      {
        id: s.id,
        channel: s.channel,
        market: s.market,
        kind: s.kind,
        timeZone: s.timeZone,
        joinedAt: s.joinedOn,
        depositMinor: depositForPolicy(lines, settings.deposit.currency),
        businessRegisteredOn: reg ? reg.incorporatedOn.toISOString().slice(0, 10) : null,
        licenceExpiresOn: reg?.licenceExpiresOn ? reg.licenceExpiresOn.toISOString().slice(0, 10) : null,
        entityType: reg?.entityType ?? null,
      },
      now,
      settings,
    );
    for (const f of firstPerRule(flags)) rows.push(toRow(f, { organizationId, subjectType: "STORE", subjectId: s.id, storeId: s.id }));
  }
  return { subjects: ids.length, flags: await replaceFlags(db, "STORE", ids, STORE_RULES, rows) };
}

export async function refreshStoreCompliance(db: Db, storeId: string, now: Date): Promise<ComplianceRefreshResult> {
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { organizationId: true } });
  return refreshStores(db, store.organizationId, [storeId], now);
}

// ---- creators: short-video content ----------------------------------------------------------

export async function refreshCreators(db: Db, organizationId: string, creatorIds: readonly string[] | null, now: Date): Promise<ComplianceRefreshResult> {
  const settings = await settingsOf(db, organizationId);
  // A restriction running now was triggered at most restrictionDays ago by videos of the window
  // before it; a few windows back is enough history to replay it.
  const since = new Date(now.getTime() - 4 * (settings.content.windowDays + settings.content.restrictionDays) * 86_400_000);
  const creators = await db.creator.findMany({
    where: { organizationId, ...(creatorIds ? { id: { in: [...creatorIds] } } : {}) },
    select: {
      id: true,
      storeId: true,
      store: { select: { market: true } },
      videos: { where: { postedAt: { gt: since, lte: now } }, select: { id: true, postedAt: true, format: true, hasProductLink: true, style: true } },
    },
  });
  const rows: FlagRow[] = [];
  for (const c of creators) {
    const videos = c.videos.map((v) => ({
      id: v.id,
      postedAt: v.postedAt,
      format: v.format,
      hasProductLink: v.hasProductLink,
      nonInteractive: isNonInteractiveStyle(v.style),
    }));
    const flags = evaluateCreatorVideos({ id: c.id, market: c.store.market, videos }, now, settings);
    for (const f of firstPerRule(flags)) rows.push(toRow(f, { organizationId, subjectType: "CREATOR", subjectId: c.id, storeId: c.storeId }));
  }
  return {
    subjects: creators.length,
    flags: await replaceFlags(
      db,
      "CREATOR",
      creators.map((c) => c.id),
      CREATOR_RULES,
      rows,
    ),
  };
}

export async function refreshCreatorFlags(db: Db, creatorId: string, now: Date): Promise<ComplianceRefreshResult> {
  const creator = await db.creator.findUniqueOrThrow({ where: { id: creatorId }, select: { organizationId: true } });
  return refreshCreators(db, creator.organizationId, [creatorId], now);
}

// ---- listings: price parity + oversell ------------------------------------------------------

/** Units in open orders per SKU of the organisation, both channels, summed in SQL. */
export async function openDemandBySku(db: Db, organizationId: string, skus: readonly string[] | null): Promise<Map<string, number>> {
  const skuFilter = skus ? Prisma.sql`AND l.sku = ANY(${[...skus]})` : Prisma.empty;
  const rows = await db.$queryRaw<{ sku: string; units: number }[]>`
    SELECT l.sku, coalesce(sum(l.quantity), 0)::int AS units
    FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
    WHERE o."organizationId" = ${organizationId}
      AND o.status::text = ANY(${[...OPEN_DEMAND_STATUSES]})
      ${skuFilter}
    GROUP BY l.sku`;
  return new Map(rows.map((r) => [r.sku, r.units]));
}

/** The price currently in force per listing, channel and currency (latest effectiveAt ≤ now). */
export async function currentListingPrices(db: Db, listingIds: readonly string[], now: Date) {
  if (listingIds.length === 0) return [];
  return db.$queryRaw<{ listingId: string; channel: "TIKTOK_SHOP" | "BRAND_SITE"; currency: string; priceMinor: number; effectiveAt: Date }[]>`
    SELECT DISTINCT ON ("listingId", channel, currency) "listingId", channel, currency, "priceMinor", "effectiveAt"
    FROM "ListingPrice"
    WHERE "listingId" = ANY(${[...listingIds]}) AND "effectiveAt" <= ${now}
    ORDER BY "listingId", channel, currency, "effectiveAt" DESC, "createdAt" DESC`;
}

export async function refreshListings(db: Db, organizationId: string, listingIds: readonly string[] | null, now: Date): Promise<ComplianceRefreshResult> {
  const settings = await settingsOf(db, organizationId);
  const listings = await db.listing.findMany({
    where: { organizationId, ...(listingIds ? { id: { in: [...listingIds] } } : {}) },
    select: { id: true, sku: true, supplierId: true, availableStock: true, stockUpdatedAt: true },
  });
  if (listings.length === 0) return { subjects: 0, flags: 0 };
  const ids = listings.map((l) => l.id);
  const [prices, demand] = await Promise.all([
    currentListingPrices(db, ids, now),
    openDemandBySku(db, organizationId, listingIds ? listings.map((l) => l.sku) : null),
  ]);
  const rows: FlagRow[] = [];
  for (const l of listings) {
    const pairs = pricePairs(
      currentPrices(
        prices.filter((p) => p.listingId === l.id),
        now,
      ),
    );
    // One pricing row per listing: the currency with the widest gap stands for it.
    const worst = [...pairs].sort((a, b) => Math.abs(differenceBasisPoints(b)) - Math.abs(differenceBasisPoints(a)));
    for (const pair of worst) {
      const flags = evaluateSkuPrices({ id: l.id, market: marketOfCurrency(pair.currency), ...pair }, now, settings);
      const first = flags[0];
      if (first) {
        // No supplierId: the flag carries retail prices, which suppliers never see.
        rows.push(toRow(first, { organizationId, subjectType: "LISTING", subjectId: l.id, storeId: null }));
        break;
      }
    }
    // A listing created from order lines has no stock count until someone reports one (stock file,
    // the listings screen): unknown is not zero, so no oversell flag for it.
    if (l.stockUpdatedAt === null) continue;
    for (const f of evaluateInventory({ id: l.id, available: l.availableStock, openDemand: demand.get(l.sku) ?? 0 }, now, settings)) {
      rows.push(toRow(f, { organizationId, subjectType: "LISTING", subjectId: l.id, storeId: null, supplierId: l.supplierId }));
    }
  }
  return { subjects: ids.length, flags: await replaceFlags(db, "LISTING", ids, LISTING_RULES, rows) };
}

export async function refreshListingFlags(db: Db, listingId: string, now: Date): Promise<ComplianceRefreshResult> {
  const listing = await db.listing.findUniqueOrThrow({ where: { id: listingId }, select: { organizationId: true } });
  return refreshListings(db, listing.organizationId, [listingId], now);
}

/** Listings of these SKUs (e.g. after orders were imported or changed status). */
export async function refreshListingsBySku(db: Db, organizationId: string, skus: readonly string[], now: Date): Promise<ComplianceRefreshResult> {
  const listings = await db.listing.findMany({ where: { organizationId, sku: { in: [...skus] } }, select: { id: true } });
  return refreshListings(
    db,
    organizationId,
    listings.map((l) => l.id),
    now,
  );
}

/** Every store, creator and listing of the organisation (seed, nightly job, after a calendar change). */
export async function refreshOrganizationCompliance(db: Db, organizationId: string, now: Date): Promise<ComplianceRefreshResult> {
  const results = [
    await refreshStores(db, organizationId, null, now),
    await refreshCreators(db, organizationId, null, now),
    await refreshListings(db, organizationId, null, now),
  ];
  return results.reduce((a, b) => ({ subjects: a.subjects + b.subjects, flags: a.flags + b.flags }), { subjects: 0, flags: 0 });
}
