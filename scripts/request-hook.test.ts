import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { concurrentRenders, deriveClientAddress, install, refuseTarget } from "./request-hook.mjs";

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

describe("the render lane (createRequestLane through install)", () => {
  /** A server whose GET handler waits until `release(path)`; records the order requests reached it. */
  async function laneServer(options: { concurrency: number; queueLimit?: number }) {
    const reached: string[] = [];
    const holds = new Map<string, () => void>();
    const server = createServer((req, res) => {
      const url = String(req.url);
      reached.push(`${req.method} ${url}`);
      if (url.startsWith("/hold")) holds.set(url, () => res.end(url));
      else res.end(url);
    });
    install(server, options);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
      expect(check()).toBe(true);
    };
    return { server, base, reached, release: (url: string) => holds.get(url)?.(), until };
  }

  it("lets a second page view in only when the first has finished, in arrival order", async () => {
    const s = await laneServer({ concurrency: 1 });
    try {
      const first = fetch(`${s.base}/hold/1`);
      await s.until(() => s.reached.length === 1);
      const second = fetch(`${s.base}/hold/2`);
      const third = fetch(`${s.base}/hold/3`);
      await new Promise((r) => setTimeout(r, 50));
      expect(s.reached).toEqual(["GET /hold/1"]);
      s.release("/hold/1");
      expect(await (await first).text()).toBe("/hold/1");
      await s.until(() => s.reached.length === 2);
      expect(s.reached).toEqual(["GET /hold/1", "GET /hold/2"]);
      s.release("/hold/2");
      await s.until(() => s.reached.length === 3);
      s.release("/hold/3");
      expect([await (await second).text(), await (await third).text()]).toEqual(["/hold/2", "/hold/3"]);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });

  it("never holds back writes, downloads, the health check or static files while the lane is full", async () => {
    const s = await laneServer({ concurrency: 1 });
    try {
      const held = fetch(`${s.base}/hold/1`);
      await s.until(() => s.reached.length === 1);
      expect((await fetch(`${s.base}/api/imports`, { method: "POST", body: "x" })).status).toBe(200);
      expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
      expect((await fetch(`${s.base}/_next/static/chunks/a.js`)).status).toBe(200);
      expect((await fetch(`${s.base}/api/orders/export?status=AWAITING_SHIPMENT`)).status).toBe(200);
      expect((await fetch(`${s.base}/api/imports/job1/errors.csv`)).status).toBe(200);
      expect(s.reached).toEqual([
        "GET /hold/1",
        "POST /api/imports",
        "GET /api/health",
        "GET /_next/static/chunks/a.js",
        "GET /api/orders/export?status=AWAITING_SHIPMENT",
        "GET /api/imports/job1/errors.csv",
      ]);
      // A page or read still waits its turn.
      const page = fetch(`${s.base}/orders`);
      await new Promise((r) => setTimeout(r, 50));
      expect(s.reached).not.toContain("GET /orders");
      s.release("/hold/1");
      await held;
      expect((await page).status).toBe(200);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });

  it("drops a waiting request whose client went away, before the app sees it", async () => {
    const s = await laneServer({ concurrency: 1 });
    try {
      const held = fetch(`${s.base}/hold/1`);
      await s.until(() => s.reached.length === 1);
      const controller = new AbortController();
      const abandoned = fetch(`${s.base}/hold/gone`, { signal: controller.signal }).catch(() => "aborted");
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      expect(await abandoned).toBe("aborted");
      await new Promise((r) => setTimeout(r, 50));
      s.release("/hold/1");
      await held;
      const after = await fetch(`${s.base}/next`);
      expect(await after.text()).toBe("/next");
      expect(s.reached).toEqual(["GET /hold/1", "GET /next"]);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });

  it("answers 503 with Retry-After once too many wait, rather than queue without end", async () => {
    const s = await laneServer({ concurrency: 1, queueLimit: 1 });
    try {
      const held = fetch(`${s.base}/hold/1`);
      await s.until(() => s.reached.length === 1);
      const waiting = fetch(`${s.base}/hold/2`);
      await new Promise((r) => setTimeout(r, 50));
      const refused = await fetch(`${s.base}/hold/3`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("2");
      expect(await refused.json()).toEqual({ error: "BUSY", message: "The server is busy; try again in a moment." });
      s.release("/hold/1");
      await held;
      await s.until(() => s.reached.length === 2);
      s.release("/hold/2");
      expect((await waiting).status).toBe(200);
      expect(s.reached).toEqual(["GET /hold/1", "GET /hold/2"]);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });
});

describe("concurrentRenders", () => {
  const saved = process.env.SERVER_CONCURRENT_RENDERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.SERVER_CONCURRENT_RENDERS;
    else process.env.SERVER_CONCURRENT_RENDERS = saved;
  });

  it("is two per core unless set; 0 turns the lane off; anything else is refused by name", () => {
    delete process.env.SERVER_CONCURRENT_RENDERS;
    expect(concurrentRenders()).toBe(2 * availableParallelism());
    process.env.SERVER_CONCURRENT_RENDERS = "0";
    expect(concurrentRenders()).toBe(0);
    process.env.SERVER_CONCURRENT_RENDERS = "six";
    expect(() => concurrentRenders()).toThrow(/SERVER_CONCURRENT_RENDERS must be a whole number/);
  });
});
