import { describe, expect, it } from "vitest";
import { deriveClientAddress } from "./client-address.mjs";

describe("deriveClientAddress", () => {
  it("with no trusted proxy (the default) ignores X-Forwarded-For entirely: a client cannot choose its address", () => {
    expect(deriveClientAddress("6.6.6.6", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(deriveClientAddress("1.1.1.1, 2.2.2.2", "::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
    expect(deriveClientAddress(undefined, "2001:db8::1", 0)).toBe("2001:db8::1");
  });

  it("behind N trusted proxies takes the entry the outermost proxy appended, not what the client wrote", () => {
    // client spoofs "6.6.6.6"; the load balancer appends the real 198.51.100.9; the app sees the LB as peer.
    expect(deriveClientAddress("6.6.6.6, 198.51.100.9", "10.0.0.2", 1)).toBe("198.51.100.9");
    expect(deriveClientAddress(["6.6.6.6", "198.51.100.9, 10.0.0.3"], "10.0.0.2", 2)).toBe("198.51.100.9");
  });

  it("answers null rather than guess when the chain is shorter than the hops or not an address", () => {
    expect(deriveClientAddress(undefined, "10.0.0.2", 1)).toBeNull();
    expect(deriveClientAddress("not-an-ip", "10.0.0.2", 1)).toBeNull();
    expect(deriveClientAddress("[2001:db8::5]:443", "10.0.0.2", 1)).toBe("2001:db8::5");
  });
});
