import { describe, expect, it } from "vitest";
import { deriveClientAddress, refuseTarget } from "./request-hook.mjs";

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

describe("refuseTarget", () => {
  it("refuses broken percent-encoding and NUL bytes anywhere, before Next decodes route parameters", () => {
    expect(refuseTarget("/api/stores/%E0%A4%A/sync")).toMatch(/percent-encoding/);
    expect(refuseTarget("/orders/%")).toMatch(/percent-encoding/);
    expect(refuseTarget("/api/imports?storeId=a%00b")).toMatch(/NUL/);
    expect(refuseTarget("/orders/%00")).toMatch(/NUL/);
  });

  it("lets ordinary targets through, a % inside the query included", () => {
    expect(refuseTarget("/orders?q=100%25")).toBeNull();
    expect(refuseTarget("/orders/caf%C3%A9?q=50%")).toBeNull();
    expect(refuseTarget("/")).toBeNull();
  });
});
