import { availableParallelism } from "node:os";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  SLOW_SECTION_TTL_FACTOR,
  cacheSeconds,
  cachedRead,
  cachedReadWithin,
  cachedViewRead,
  clearCache,
  forgetCachedOrganization,
  forgetViewReads,
} from "./cache";

// The overview's aggregates cache: a viewer never waits on a refresh while the value is younger
// than 2 × ttl, never sees one older than that, and concurrent viewers share one load.

let now = 0;
const clock = () => now;

function counter() {
  let calls = 0;
  const load = async () => {
    calls += 1;
    await new Promise((r) => setTimeout(r, 5));
    return calls;
  };
  return { load, calls: () => calls };
}

beforeEach(() => {
  clearCache();
  now = 1_000_000;
});

describe("cachedRead", () => {
  it("shares one load between concurrent readers and serves it for ttl", async () => {
    const c = counter();
    const values = await Promise.all(Array.from({ length: 20 }, () => cachedRead("k", c.load, 30, clock)));
    expect(values).toEqual(Array(20).fill(1));
    now += 29_000;
    expect(await cachedRead("k", c.load, 30, clock)).toBe(1);
    expect(c.calls()).toBe(1);
  });

  it("serves the stale value at once after ttl while one refresh runs, then the new one", async () => {
    const c = counter();
    await cachedRead("k", c.load, 30, clock);
    now += 31_000;
    expect(await cachedRead("k", c.load, 30, clock)).toBe(1);
    expect(await cachedRead("k", c.load, 30, clock)).toBe(1);
    // The one background refresh lands; readers then get its value, and no second load ran.
    await expect.poll(() => cachedRead("k", c.load, 30, clock)).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it("never serves a value older than twice the ttl: the reader waits for a fresh one", async () => {
    const c = counter();
    await cachedRead("k", c.load, 30, clock);
    now += 61_000;
    expect(await cachedRead("k", c.load, 30, clock)).toBe(2);
  });

  it("keeps the last good value when a background refresh fails, and retries a failed first load", async () => {
    let fail = false;
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (fail) throw new Error("database restarting");
      return calls;
    };
    await cachedRead("k", load, 30, clock);
    fail = true;
    now += 31_000;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await cachedRead("k", load, 30, clock)).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      expect(await cachedRead("k", load, 30, clock)).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      // Each failed refresh is reported, not swallowed.
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("cache refresh of k failed"), expect.any(Error));
    } finally {
      logged.mockRestore();
    }
    await expect(cachedRead("other", load, 30, clock)).rejects.toThrow("database restarting");
    fail = false;
    expect(await cachedRead("other", load, 30, clock)).toBeGreaterThan(1);
  });

  it("does not cache when the ttl is 0", async () => {
    const c = counter();
    await cachedRead("k", c.load, 0, clock);
    await cachedRead("k", c.load, 0, clock);
    expect(c.calls()).toBe(2);
  });
});

describe("cachedReadWithin", () => {
  const slow = (ms: number, value: string) => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, ms));
      return value;
    };
    return { load, calls: () => calls };
  };

  it("answers undefined past the budget, keeps loading once, and serves the value to the next view", async () => {
    const s = slow(80, "done");
    expect(await cachedReadWithin("w", s.load, 10, 30, clock)).toBeUndefined();
    // A second view meanwhile neither starts another load nor waits the budget again.
    const started = performance.now();
    expect(await cachedReadWithin("w", s.load, 50, 30, clock)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 120));
    expect(await cachedReadWithin("w", s.load, 10, 30, clock)).toBe("done");
    expect(s.calls()).toBe(1);
  });

  it("answers the value when the load is quicker than the budget, and waits without a cache", async () => {
    expect(await cachedReadWithin("q", slow(1, "quick").load, 200, 30, clock)).toBe("quick");
    expect(await cachedReadWithin("n", slow(30, "uncached").load, 1, 0, clock)).toBe("uncached");
  });

  it("keeps a slow section five times as long as the other figures before refreshing it", async () => {
    const ttlMs = cacheSeconds() * 1000;
    const s = counter();
    const f = counter();
    expect(await cachedReadWithin("slow", s.load, 200, undefined, clock)).toBe(1);
    expect(await cachedRead("fast", f.load, undefined, clock)).toBe(1);
    now += ttlMs * 2 + 1;
    // The other figures are past their bound and load again; the slow section is still fresh.
    expect(await cachedRead("fast", f.load, undefined, clock)).toBe(2);
    expect(await cachedReadWithin("slow", s.load, 200, undefined, clock)).toBe(1);
    now += ttlMs * (SLOW_SECTION_TTL_FACTOR - 2);
    // Past its own ttl: served stale once while one refresh runs.
    expect(await cachedReadWithin("slow", s.load, 200, undefined, clock)).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.calls()).toBe(2);
  });
  it("runs at most half the cores' worth of slow loads at once; the others wait their turn and still fill the cache", async () => {
    const lane = Math.max(1, Math.floor(availableParallelism() / 2));
    let running = 0;
    let peak = 0;
    const load = (value: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running -= 1;
      return value;
    };
    const keys = Array.from({ length: lane + 2 }, (_, i) => `lane:${i}`);
    const first = await Promise.all(keys.map((k, i) => cachedReadWithin(k, load(i), 5, 30, clock)));
    expect(first).toEqual(keys.map(() => undefined));
    await vi.waitFor(async () =>
      expect(await Promise.all(keys.map((k, i) => cachedReadWithin(k, load(100 + i), 5, 30, clock)))).toEqual(keys.map((_, i) => i)),
    );
    expect(peak).toBe(lane);
  });
});

describe("cachedReadWithin when the lane is taken", () => {
  it("does not wait the budget for a load that has to queue, and serves it once it ran", async () => {
    const lane = Math.max(1, Math.floor(availableParallelism() / 2));
    const busy = Array.from({ length: lane }, (_, i) =>
      cachedReadWithin(`busy:${i}`, () => new Promise<string>((r) => setTimeout(() => r("busy"), 100)), 1, 30, clock),
    );
    await Promise.all(busy);
    const started = performance.now();
    expect(await cachedReadWithin("queued", async () => "quick", 200, 30, clock)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
    await vi.waitFor(async () => expect(await cachedReadWithin("queued", async () => "again", 200, 30, clock)).toBe("quick"), { timeout: 1_000 });
  });
});

describe("forgetCachedOrganization", () => {
  it("drops one organisation's entries, says how many, and leaves the others cached", async () => {
    const a = counter();
    const b = counter();
    await cachedRead("kpis:org-a:-:30d", a.load, 30, clock);
    await cachedRead("trends:org-a:-:30d", a.load, 30, clock);
    await cachedRead("kpis:org-b:-:30d", b.load, 30, clock);
    expect(forgetCachedOrganization("org-a")).toBe(2);
    expect(await cachedRead("kpis:org-a:-:30d", a.load, 30, clock)).toBe(3);
    expect(await cachedRead("kpis:org-b:-:30d", b.load, 30, clock)).toBe(1);
    expect(forgetCachedOrganization("org-c")).toBe(0);
  });
});

describe("cachedViewRead and forgetViewReads", () => {
  it("serves a view read from the cache until the organisation changes, and keeps its figures", async () => {
    const stores = counter();
    const kpis = counter();
    expect(await cachedViewRead("view-stores", "org-a", stores.load)).toBe(1);
    expect(await cachedViewRead("view-stores", "org-a", stores.load)).toBe(1);
    await cachedRead("kpis:org-a:-:30d", kpis.load, 30, clock);
    forgetViewReads("org-a");
    // The store the owner just added is in the next view's filter, and the KPIs were not dropped.
    expect(await cachedViewRead("view-stores", "org-a", stores.load)).toBe(2);
    expect(await cachedRead("kpis:org-a:-:30d", kpis.load, 30, clock)).toBe(1);
    expect(kpis.calls()).toBe(1);
  });

  it("keeps one entry per variant and forgets every variant of the organisation", async () => {
    const health = counter();
    // Two pages of stores: each its own entry.
    expect(await cachedViewRead("view-health", "org-a", health.load, "s1,s2")).toBe(1);
    expect(await cachedViewRead("view-health", "org-a", health.load, "s3")).toBe(2);
    expect(await cachedViewRead("view-health", "org-a", health.load, "s1,s2")).toBe(1);
    forgetViewReads("org-a");
    // The reconnection the owner just made shows on either page's next view.
    expect(await cachedViewRead("view-health", "org-a", health.load, "s1,s2")).toBe(3);
    expect(await cachedViewRead("view-health", "org-a", health.load, "s3")).toBe(4);
  });

  it("forgets only the organisation that changed", async () => {
    const a = counter();
    const b = counter();
    await cachedViewRead("view-setup", "org-a", a.load);
    await cachedViewRead("view-setup", "org-b", b.load);
    forgetViewReads("org-b");
    expect(await cachedViewRead("view-setup", "org-a", a.load)).toBe(1);
    expect(await cachedViewRead("view-setup", "org-b", b.load)).toBe(2);
  });
});
