import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows `limit` hits per window and tells when to retry", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((t) => limiter.hit("1.2.3.4", t).allowed)).toEqual([true, true, true]);
    expect(limiter.hit("1.2.3.4", 10_000)).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.hit("5.6.7.8", 10_000).allowed).toBe(true);
    expect(limiter.hit("1.2.3.4", 60_000).allowed).toBe(true);
  });

  it("isBlocked looks without counting", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000 });
    expect(limiter.isBlocked("k", 0)).toBe(false);
    limiter.hit("k", 0);
    expect(limiter.isBlocked("k", 1)).toBe(false);
    limiter.hit("k", 2);
    expect(limiter.isBlocked("k", 3)).toBe(true);
    expect(limiter.isBlocked("k", 1_000)).toBe(false);
  });

  it("keeps at most maxKeys counters", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    // "a" was evicted to make room, so it starts a fresh window.
    expect(limiter.hit("a", 1).allowed).toBe(true);
  });
});
