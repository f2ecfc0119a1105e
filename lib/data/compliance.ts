import "server-only";
import { isStandingRule } from "@/lib/policy/standing";
import { currentListingPrices, openDemandBySku } from "@/lib/flags/refresh-compliance";
import { currentPrices, depositBalances, depositForPolicy, differenceBasisPoints, isNonInteractiveStyle, pricePairs } from "@/lib/compliance/ledger";
import { timelineRange } from "@/lib/compliance/timeline";
import { db } from "@/lib/db";
import type { Channel, DepositEntryKind, EntityType, Market, Severity, StoreKind, VideoFormat, VideoStyle } from "@/lib/generated/prisma/enums";
import { type PolicySettings, daysBetween, endOfLocalDay, inScope, localDateOf, replayRestrictions } from "@/lib/policy";
import type { DataScope } from "./scope";
import { organizationSettings } from "@/lib/data/settings";

// Reads for the compliance screens. Every query filters on the session's organisation; suppliers
// see none of it (the pages redirect them, and these return nothing for them as well).

/** `reason` in English; `reasonKey`/`reasonParams` word it in the viewer's language (formatFlagReason, lib/i18n/flag-reason.ts). */
export type StoredFlag = {
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  reason: string;
  reasonKey: string | null;
  reasonParams: unknown;
  evidence: unknown;
};

const SEVERITY_ORDER: Record<Severity, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

const settingsOf = (organizationId: string): Promise<PolicySettings> => organizationSettings(db, organizationId);

async function flagsOf(scope: DataScope, subjectType: "STORE" | "CREATOR" | "LISTING", subjectIds: string[]): Promise<Map<string, StoredFlag[]>> {
  const rows = subjectIds.length
    ? await db.riskFlag.findMany({
        where: { organizationId: scope.organizationId, subjectType, subjectId: { in: subjectIds } },
        select: { subjectId: true, rule: true, severity: true, dueAt: true, reason: true, reasonKey: true, reasonParams: true, evidence: true },
      })
    : [];
  const map = new Map<string, StoredFlag[]>();
  for (const { subjectId, ...f } of rows) map.set(subjectId, [...(map.get(subjectId) ?? []), f]);
  for (const list of map.values()) list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return map;
}

// ---- stores --------------------------------------------------------------------------------

export type DepositState = "not_required" | "ok" | "unknown" | "top_up_due" | "restricted";

export type StoreCompliance = {
  store: { id: string; name: string; market: Market; kind: StoreKind | null; timeZone: string; joinedOn: Date };
  registration: { legalName: string; entityType: EntityType; registrationCountry: string; incorporatedOn: string; licenceExpiresOn: string | null } | null;
  licenceDaysLeft: number | null;
  deposit: {
    currency: string;
    balanceMinor: number | null;
    balances: { currency: string; balanceMinor: number }[];
    requiredMinor: number | null;
    shortfallMinor: number | null;
    topUpBy: Date | null;
    state: DepositState;
    entries: { id: string; kind: DepositEntryKind; amountMinor: number; currency: string; occurredAt: Date; note: string | null }[];
  };
  /** What can be acted on (deposit, licence). */
  flags: StoredFlag[];
  /** Standing facts (business age at join, entity type): no action today changes them. */
  standing: StoredFlag[];
};

/** Registration and deposit of the organisation's TikTok stores (or one of them). */
export async function getStoreCompliance(scope: DataScope, now: Date, storeId?: string): Promise<StoreCompliance[]> {
  if (scope.role === "SUPPLIER") return [];
  const settings = await settingsOf(scope.organizationId);
  const stores = await db.store.findMany({
    where: { organizationId: scope.organizationId, channel: "TIKTOK_SHOP", ...(storeId ? { id: storeId } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      channel: true,
      market: true,
      kind: true,
      timeZone: true,
      joinedOn: true,
      registration: { select: { legalName: true, entityType: true, registrationCountry: true, incorporatedOn: true, licenceExpiresOn: true } },
      deposits: {
        orderBy: { occurredAt: "desc" },
        take: 50,
        select: { id: true, kind: true, amountMinor: true, currency: true, occurredAt: true, note: true },
      },
    },
  });
  const ids = stores.map((s) => s.id);
  const [sums, flags] = await Promise.all([
    db.depositEntry.groupBy({ by: ["storeId", "kind", "currency"], where: { storeId: { in: ids } }, _sum: { amountMinor: true } }),
    flagsOf(scope, "STORE", ids),
  ]);
  const d = settings.deposit;
  return stores.map((s) => {
    const lines = sums.filter((x) => x.storeId === s.id).map((x) => ({ kind: x.kind, currency: x.currency, amountMinor: x._sum.amountMinor ?? 0 }));
    const balanceMinor = depositForPolicy(lines, d.currency);
    const required = inScope("deposit.shortfall", s) ? d.standardMinor : null;
    const storeFlags = flags.get(s.id) ?? [];
    const joinedEarly = localDateOf(s.market, s.joinedOn) < d.standardFrom;
    const topUpBy = required !== null && joinedEarly ? endOfLocalDay(s.market, d.topUpBy) : null;
    const shortfall = required === null ? null : Math.max(required - (balanceMinor ?? 0), 0);
    const state: DepositState =
      required === null
        ? "not_required"
        : storeFlags.some((f) => f.rule === "deposit.shortfall")
          ? "restricted"
          : storeFlags.some((f) => f.rule === "deposit.topup_due")
            ? "top_up_due"
            : balanceMinor === null
              ? "unknown"
              : "ok";
    const reg = s.registration;
    const licence = reg?.licenceExpiresOn ? reg.licenceExpiresOn.toISOString().slice(0, 10) : null;
    return {
      store: { id: s.id, name: s.name, market: s.market, kind: s.kind, timeZone: s.timeZone, joinedOn: s.joinedOn },
      registration: reg
        ? {
            legalName: reg.legalName,
            entityType: reg.entityType,
            registrationCountry: reg.registrationCountry,
            incorporatedOn: reg.incorporatedOn.toISOString().slice(0, 10),
            licenceExpiresOn: licence,
          }
        : null,
      licenceDaysLeft: licence ? daysBetween(localDateOf(s.market, now), licence) : null,
      deposit: {
        currency: d.currency,
        balanceMinor,
        balances: depositBalances(lines),
        requiredMinor: required,
        shortfallMinor: shortfall,
        topUpBy,
        state,
        entries: s.deposits,
      },
      flags: storeFlags.filter((f) => !isStandingRule(f.rule)),
      standing: storeFlags.filter((f) => isStandingRule(f.rule)),
    };
  });
}

/** Cash held in deposits across the organisation's stores, per currency (signed ledger sum in SQL). */
export async function getDepositTotals(scope: DataScope): Promise<{ currency: string; totalMinor: number; stores: number }[]> {
  if (scope.role === "SUPPLIER") return [];
  const rows = await db.$queryRaw<{ currency: string; total: bigint; stores: number }[]>`
    SELECT d.currency,
           coalesce(sum(CASE WHEN d.kind = 'PAYMENT' THEN d."amountMinor" ELSE -d."amountMinor" END), 0)::bigint AS total,
           count(DISTINCT d."storeId")::int AS stores
    FROM "DepositEntry" d JOIN "Store" s ON s.id = d."storeId"
    WHERE s."organizationId" = ${scope.organizationId}
    GROUP BY d.currency ORDER BY d.currency`;
  return rows.map((r) => ({ currency: r.currency, totalMinor: Number(r.total), stores: r.stores }));
}

// ---- listings ------------------------------------------------------------------------------

export type ListingParityRow = {
  id: string;
  sku: string;
  name: string;
  availableStock: number;
  stockUpdatedAt: Date | null;
  openDemand: number;
  pairs: { currency: string; tiktokPriceMinor: number; brandSitePriceMinor: number; differenceMinor: number; differenceBp: number }[];
  current: { channel: Channel; currency: string; priceMinor: number; effectiveAt: Date }[];
  history: { channel: Channel; currency: string; priceMinor: number; effectiveAt: Date }[];
  flags: StoredFlag[];
  /** Sort key: oversell first, then the widest price gap. */
  riskScore: number;
};

/** At most this many listings on the page (the riskiest): the catalogue can hold thousands. */
export const LISTINGS_SHOWN = 200;

export async function getListingParity(scope: DataScope, now: Date): Promise<ListingParityRow[]> {
  return (await getListingParityPage(scope, now, Number.POSITIVE_INFINITY)).rows;
}

/**
 * The `limit` riskiest listings and how many there are. Price history is read only for the
 * listings returned, so the page's work and size stay bounded however large the catalogue.
 */
export async function getListingParityPage(scope: DataScope, now: Date, limit = LISTINGS_SHOWN): Promise<{ rows: ListingParityRow[]; total: number }> {
  if (scope.role === "SUPPLIER") return { rows: [], total: 0 };
  const listings = await db.listing.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: { sku: "asc" },
    select: { id: true, sku: true, name: true, availableStock: true, stockUpdatedAt: true },
  });
  const ids = listings.map((l) => l.id);
  const [prices, demand, flags] = await Promise.all([
    currentListingPrices(db, ids, now),
    openDemandBySku(
      db,
      scope.organizationId,
      listings.map((l) => l.sku),
    ),
    flagsOf(scope, "LISTING", ids),
  ]);
  const rows = listings.map((l): ListingParityRow => {
    const current = currentPrices(
      prices.filter((p) => p.listingId === l.id),
      now,
    ).map(({ channel, currency, priceMinor, effectiveAt }) => ({ channel, currency, priceMinor, effectiveAt }));
    // The store's home currency first (USD), then the others.
    const pairs = pricePairs(current)
      .sort((x, y) => Number(y.currency === "USD") - Number(x.currency === "USD"))
      .map((p) => ({ ...p, differenceMinor: p.tiktokPriceMinor - p.brandSitePriceMinor, differenceBp: differenceBasisPoints(p) }));
    const open = demand.get(l.sku) ?? 0;
    const listingFlags = flags.get(l.id) ?? [];
    const mismatchBp = listingFlags.some((f) => f.rule === "pricing.mismatch") ? Math.max(0, ...pairs.map((p) => Math.abs(p.differenceBp))) : 0;
    const oversell = open > l.availableStock ? 1_000_000 + (open - l.availableStock) : 0;
    return {
      ...l,
      openDemand: open,
      pairs,
      current,
      history: [] as ListingParityRow["history"],
      flags: listingFlags,
      riskScore: oversell + mismatchBp,
    };
  });
  const shown = rows.sort((a, b) => b.riskScore - a.riskScore || a.sku.localeCompare(b.sku)).slice(0, limit);
  const history = shown.length
    ? await db.listingPrice.findMany({
        where: { listingId: { in: shown.map((r) => r.id) } },
        orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
        select: { listingId: true, channel: true, currency: true, priceMinor: true, effectiveAt: true },
      })
    : [];
  for (const r of shown)
    r.history = history
      .filter((h) => h.listingId === r.id)
      .map((h) => ({ channel: h.channel, currency: h.currency, priceMinor: h.priceMinor, effectiveAt: h.effectiveAt }));
  return { rows: shown, total: rows.length };
}

// ---- creators ------------------------------------------------------------------------------

export type CreatorSummary = {
  id: string;
  handle: string;
  displayName: string;
  store: { id: string; name: string; market: Market };
  nonInteractive7d: number;
  shopVideos7d: number;
  lastPostedAt: Date | null;
  flags: StoredFlag[];
};

export async function getCreators(scope: DataScope, now: Date): Promise<CreatorSummary[]> {
  if (scope.role === "SUPPLIER") return [];
  const settings = await settingsOf(scope.organizationId);
  const since = new Date(now.getTime() - settings.content.windowDays * 86_400_000);
  const creators = await db.creator.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: { handle: "asc" },
    select: { id: true, handle: true, displayName: true, store: { select: { id: true, name: true, market: true } } },
  });
  const ids = creators.map((c) => c.id);
  const [counts, flags] = await Promise.all([
    ids.length
      ? db.$queryRaw<{ creatorId: string; nonInteractive: number; shop: number; last: Date | null }[]>`
          SELECT v."creatorId",
                 count(*) FILTER (WHERE v."postedAt" > ${since} AND v."postedAt" <= ${now} AND v.format = 'SHORT_VIDEO' AND v."hasProductLink"
                                   AND v.style IN ('STATIC_IMAGES','TEXT_SLIDESHOW','NO_REAL_PERSON'))::int AS "nonInteractive",
                 count(*) FILTER (WHERE v."postedAt" > ${since} AND v."postedAt" <= ${now} AND v.format = 'SHORT_VIDEO' AND v."hasProductLink")::int AS shop,
                 max(v."postedAt") AS last
          FROM "ShopVideo" v WHERE v."creatorId" = ANY(${ids}) GROUP BY v."creatorId"`
      : Promise.resolve([]),
    flagsOf(scope, "CREATOR", ids),
  ]);
  return creators.map((c) => {
    const n = counts.find((x) => x.creatorId === c.id);
    return { ...c, nonInteractive7d: n?.nonInteractive ?? 0, shopVideos7d: n?.shop ?? 0, lastPostedAt: n?.last ?? null, flags: flags.get(c.id) ?? [] };
  });
}

export type CreatorDetail = {
  creator: { id: string; handle: string; displayName: string; store: { id: string; name: string; market: Market; timeZone: string } };
  range: { from: Date; to: Date };
  window: { from: Date; to: Date };
  videos: {
    id: string;
    postedAt: Date;
    title: string;
    format: VideoFormat;
    hasProductLink: boolean;
    style: VideoStyle;
    nonInteractive: boolean;
    linkDropped: boolean;
  }[];
  restrictions: { start: Date; end: Date; linked: number; dropped: number; active: boolean }[];
  quota: { limit: number; left: number; until: Date } | null;
  nonInteractiveInWindow: number;
  settings: PolicySettings["content"];
  flags: StoredFlag[];
};

export async function getCreatorDetail(scope: DataScope, creatorId: string, now: Date): Promise<CreatorDetail | null> {
  if (scope.role === "SUPPLIER") return null;
  const settings = await settingsOf(scope.organizationId);
  const c = settings.content;
  const creator = await db.creator.findFirst({
    where: { id: creatorId, organizationId: scope.organizationId },
    select: { id: true, handle: true, displayName: true, store: { select: { id: true, name: true, market: true, timeZone: true } } },
  });
  if (!creator) return null;
  const range = timelineRange(now, c.windowDays, c.restrictionDays);
  const replayFrom = new Date(range.from.getTime() - 2 * (c.windowDays + c.restrictionDays) * 86_400_000);
  const [videos, flags] = await Promise.all([
    db.shopVideo.findMany({
      where: { creatorId: creator.id, postedAt: { gt: replayFrom, lte: now } },
      orderBy: { postedAt: "asc" },
      select: { id: true, postedAt: true, title: true, format: true, hasProductLink: true, style: true },
    }),
    flagsOf(scope, "CREATOR", [creator.id]),
  ]);
  const facts = videos.map((v) => ({
    id: v.id,
    postedAt: v.postedAt,
    format: v.format,
    hasProductLink: v.hasProductLink,
    nonInteractive: isNonInteractiveStyle(v.style),
  }));
  const restrictions = replayRestrictions(facts, now, settings);
  const dropped = new Set(restrictions.flatMap((r) => r.dropped.map((v) => v.id)));
  const active = restrictions.find((r) => r.start.getTime() <= now.getTime() && now.getTime() < r.end.getTime());
  const windowFrom = new Date(now.getTime() - c.windowDays * 86_400_000);
  return {
    creator,
    range,
    window: { from: windowFrom, to: now },
    videos: videos
      .filter((v) => v.postedAt.getTime() >= range.from.getTime())
      .map((v) => ({ ...v, nonInteractive: isNonInteractiveStyle(v.style), linkDropped: dropped.has(v.id) })),
    restrictions: restrictions
      .filter((r) => r.end.getTime() > range.from.getTime())
      .map((r) => ({ start: r.start, end: r.end, linked: r.linked.length, dropped: r.dropped.length, active: r === active })),
    quota: active ? { limit: c.restrictedLinkQuota, left: Math.max(c.restrictedLinkQuota - active.linked.length, 0), until: active.end } : null,
    nonInteractiveInWindow: facts.filter(
      (v) => v.nonInteractive && v.format === "SHORT_VIDEO" && v.hasProductLink && v.postedAt.getTime() > windowFrom.getTime(),
    ).length,
    settings: c,
    flags: flags.get(creator.id) ?? [],
  };
}

/** TikTok stores of the organisation for the forms' store pickers. */
export async function getTikTokStores(scope: DataScope) {
  if (scope.role === "SUPPLIER") return [];
  return db.store.findMany({
    where: { organizationId: scope.organizationId, channel: "TIKTOK_SHOP" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, market: true, kind: true },
  });
}
