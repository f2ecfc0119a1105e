// A fixed-window counter per key, in this process's memory. Good for one server instance; with
// several instances behind a load balancer the counters belong in PostgreSQL or Redis
// (docs/scaling.md). Pure apart from the clock passed in, so it is tested directly.

export type RateLimiter = {
  /** Counts one event for `key`; `allowed` is false once the window holds more than `limit`. */
  hit: (key: string, now?: number) => { allowed: boolean; retryAfterMs: number };
  /** Whether `key` has used up its window, without counting anything. */
  isBlocked: (key: string, now?: number) => boolean;
};

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    hit(key, now = Date.now()) {
      let entry = windows.get(key);
      if (!entry || now - entry.start >= options.windowMs) {
        // Bound memory: an attacker rotating keys must not grow the map without limit.
        if (!entry && windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= options.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        entry = { start: now, count: 0 };
        windows.set(key, entry);
      }
      entry.count++;
      const allowed = entry.count <= options.limit;
      return { allowed, retryAfterMs: allowed ? 0 : entry.start + options.windowMs - now };
    },
    isBlocked(key, now = Date.now()) {
      const entry = windows.get(key);
      return entry !== undefined && now - entry.start < options.windowMs && entry.count >= options.limit;
    },
  };
}
