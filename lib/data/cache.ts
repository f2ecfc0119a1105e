import "server-only";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import { getSettings } from "@/lib/env";

// A short-lived, per-process cache for the dashboard's heavy aggregates (overview KPIs, trends,
// shop-performance summaries), stale-while-revalidate with a hard bound:
// - younger than `ttl`: served as is;
// - older, but younger than twice `ttl`: served at once while one refresh runs in the background,
//   so no viewer waits on the aggregates while the figures keep moving (at a million orders the
//   KPI queries take about a second; a viewer should not pay that every 30 s);
// - older than that, or never loaded: the request waits for a load.
// Concurrent requests for one key share one load (single flight), so twenty people opening the
// overview at 9:00 cost one set of queries, not twenty. Figures are therefore never more than
// 2 × ttl old (60 s by default; the slow sections below, 300 s); screens where a user acts on what they see (risk queue, orders,
// returns) are never cached. OVERVIEW_CACHE_SECONDS=0 turns it off (the browser tests compare
// figures with the database).

type Entry = { loadedAt: number; value?: unknown; hasValue: boolean; pending?: Promise<unknown> };
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 2_000;
/** How much older than the TTL a value may be and still be served while it is refreshed. */
export const STALE_FACTOR = 2;

export function cacheSeconds(): number {
  return getSettings().OVERVIEW_CACHE_SECONDS;
}

function evictIfFull(now: number, ttlMs: number) {
  if (entries.size < MAX_ENTRIES) return;
  for (const [k, e] of entries) if (!e.pending && now - e.loadedAt > ttlMs * STALE_FACTOR) entries.delete(k);
  if (entries.size >= MAX_ENTRIES) entries.clear();
}

/** Starts one load for the key (or joins the running one); a failure keeps the last good value. */
function refresh<T>(key: string, entry: Entry, load: () => Promise<T>, clock: () => number): Promise<T> {
  if (entry.pending) return entry.pending as Promise<T>;
  const pending = load().then(
    (value) => {
      entry.value = value;
      entry.hasValue = true;
      entry.loadedAt = clock();
      entry.pending = undefined;
      return value;
    },
    (error: unknown) => {
      entry.pending = undefined;
      // A failed first load is not remembered: the next request tries again.
      if (!entry.hasValue) entries.delete(key);
      throw error;
    },
  );
  entry.pending = pending;
  return pending;
}

export async function cachedRead<T>(key: string, load: () => Promise<T>, ttlSeconds = cacheSeconds(), clock: () => number = Date.now): Promise<T> {
  if (ttlSeconds === 0) return load();
  const ttlMs = ttlSeconds * 1000;
  const now = clock();
  let entry = entries.get(key);
  if (!entry) {
    evictIfFull(now, ttlMs);
    entry = { loadedAt: 0, hasValue: false };
    entries.set(key, entry);
  }
  const age = now - entry.loadedAt;
  if (entry.hasValue && age < ttlMs) return entry.value as T;
  if (entry.hasValue && age < ttlMs * STALE_FACTOR) {
    // Served stale; the refresh's failure is logged, and the value ages out at 2 × ttl.
    refresh(key, entry, load, clock).catch((error: unknown) => console.error(`cache refresh of ${key} failed:`, error));
    return entry.value as T;
  }
  return refresh(key, entry, load, clock);
}

/** For tests: forget everything. */
export function clearCache() {
  entries.clear();
}

/**
 * After a change that moves an organisation's figures at once (its policy settings): forget its
 * entries, keyed `<section>:<organisationId>:…` (see the overview's sectionKey).
 */
export function forgetCachedOrganization(organizationId: string): number {
  let forgotten = 0;
  for (const key of entries.keys())
    if (key.split(":")[1] === organizationId) {
      entries.delete(key);
      forgotten++;
    }
  return forgotten;
}

/**
 * The small reads a view makes on every request besides its figures: the store filter's options,
 * the getting-started status, the policy settings and the deposit totals on the overview; the
 * listed stores' connection health, the archived stores and the supplier options on /stores.
 * Each is one to three queries, but together they cost a view as much Node CPU under load as the
 * rest of its data (docs/benchmarks.md), so they are cached like the figures, under
 * `<section>:<organisationId>[:<variant>]` (the variant: which page of stores).
 * Unlike the figures they follow the users' own clicks: every change a signed-in user makes in the
 * organisation forgets them (`forgetViewReads`, from the action pipeline and the routes that
 * write for a signed-in user: imports and manual syncs), so nobody's next view shows a checklist
 * step, a store or a reconnection they just made as it was. A change from another process (the
 * CLI, the worker) or from a channel's push (a webhook's health count) shows within the cache
 * period, like the figures.
 */
export const VIEW_READS = ["view-stores", "view-setup", "view-policy", "view-deposits", "view-health", "view-archived", "view-suppliers"] as const;
export type ViewRead = (typeof VIEW_READS)[number];
const viewReadSections = new Set<string>(VIEW_READS);

export function cachedViewRead<T>(section: ViewRead, organizationId: string, load: () => Promise<T>, variant?: string): Promise<T> {
  return cachedRead(variant === undefined ? `${section}:${organizationId}` : `${section}:${organizationId}:${variant}`, load);
}

/** After a change in the organisation: its view reads (every variant) are loaded again on the next view. */
export function forgetViewReads(organizationId: string): void {
  for (const key of entries.keys()) {
    const [section, organization] = key.split(":");
    if (organization === organizationId && section !== undefined && viewReadSections.has(section)) entries.delete(key);
  }
}

/**
 * How long a page waits for a slow section (the exposure summaries, the repeat-customer rate)
 * before showing it as still being computed.
 */
export const SLOW_SECTION_BUDGET_MS = 200;

/**
 * The slow sections are kept five times as long as the other figures (150 s by default, served
 * up to 300 s old): each is a rate over 30 days or more, which a few minutes do not move, and each
 * refresh costs seconds of both cores at a million orders (the exposure tallies of every store,
 * the distinct buyers of the period). Refreshed every 30 s, they competed with every viewer for
 * the CPU; the overview's p95 under 20 clients showed it (docs/benchmarks.md).
 */
export const SLOW_SECTION_TTL_FACTOR = 5;

export function slowSectionSeconds(): number {
  return cacheSeconds() * SLOW_SECTION_TTL_FACTOR;
}

/**
 * The slow sections' loads share one background lane, process-wide: at most half the cores' worth
 * at a time (one on two cores). Each keeps a database backend busy for a second or more at a
 * million orders; the overview's first view used to start three at once (the repeat-buyer rate,
 * the exposure tallies, the service comparison), which took both cores and left the viewer's own
 * queries waiting behind them. Queued loads start as the lane frees; a page does not wait for
 * them longer than its budget either way.
 */
const slowLane = pLimit(Math.max(1, Math.floor(availableParallelism() / 2)));

/**
 * A slow section bounded per request: the cached value when there is one (as `cachedRead`),
 * otherwise the load's result if it arrives within `budgetMs`, else undefined — the page shows
 * the section as still being computed, and the load carries on once (single flight) to fill
 * the cache for the next view instead of holding this one.
 */
export async function cachedReadWithin<T>(
  key: string,
  load: () => Promise<T>,
  budgetMs: number,
  ttlSeconds = slowSectionSeconds(),
  clock: () => number = Date.now,
): Promise<T | undefined> {
  // Without a cache the load would be thrown away: wait for it.
  if (ttlSeconds === 0) return load();
  // Already loading for an earlier view and nothing to show yet: do not wait the budget again.
  const entry = entries.get(key);
  if (entry?.pending && !entry.hasValue) return undefined;
  // The lane is taken: a load queued behind seconds of others cannot arrive within the budget,
  // so the view does not wait for it (the load still starts once the lane frees).
  const laneFull = slowLane.activeCount >= slowLane.concurrency;
  const read = cachedRead(key, () => slowLane(load), ttlSeconds, clock);
  if (laneFull && !entry?.hasValue) {
    read.catch((error: unknown) => console.error(`background load of ${key} failed:`, error));
    return undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
    // A load that fails after the budget is logged, not left unhandled.
    read.catch((error: unknown) => console.error(`background load of ${key} failed:`, error));
  }
}
