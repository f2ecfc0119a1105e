import "server-only";

// A short-lived, per-process cache for the dashboard's heavy aggregates (overview KPIs, trends,
// shop-performance summaries). Within `ttl` every request for the same key shares one result, and
// concurrent requests share one computation (single flight), so twenty people opening the
// overview at 9:00 cost one set of queries, not twenty. Figures can lag by at most the TTL;
// screens where a user acts on what they see (risk queue, orders, returns) are never cached.
// OVERVIEW_CACHE_SECONDS=0 turns it off (the browser tests compare figures with the database).

type Entry = { expires: number; value?: unknown; pending?: Promise<unknown> };
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 2_000;

export function cacheSeconds(): number {
  const raw = Number(process.env.OVERVIEW_CACHE_SECONDS ?? 30);
  return Number.isFinite(raw) && raw >= 0 ? raw : 30;
}

export async function cachedRead<T>(key: string, load: () => Promise<T>, ttlSeconds = cacheSeconds()): Promise<T> {
  if (ttlSeconds === 0) return load();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return (hit.pending ?? hit.value) as T | Promise<T>;
  if (entries.size >= MAX_ENTRIES) {
    for (const [k, e] of entries) if (e.expires <= now) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  const pending = load();
  const entry: Entry = { expires: now + ttlSeconds * 1000, pending };
  entries.set(key, entry);
  try {
    const value = await pending;
    entry.value = value;
    entry.pending = undefined;
    return value;
  } catch (error) {
    // A failed load is not remembered: the next request tries again.
    entries.delete(key);
    throw error;
  }
}
