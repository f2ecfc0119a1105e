import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile, runLoad } from "./load";

describe("percentile", () => {
  it("is the nearest-rank percentile", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("runLoad", () => {
  let server: http.Server;
  let url = "";
  let seen = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen++;
      res.statusCode = req.headers.cookie === "ok=1" ? 200 : 401;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("counts every request and every error status", async () => {
    const ok = await runLoad({ url, connections: 4, durationMs: 5_000, maxRequests: 200, headers: { cookie: "ok=1" } });
    expect(ok.requests).toBeGreaterThanOrEqual(200);
    expect(ok.errors).toBe(0);
    const denied = await runLoad({ url, connections: 2, durationMs: 5_000, maxRequests: 20 });
    expect(denied.errors).toBe(denied.requests);
    expect(seen).toBe(ok.requests + denied.requests);
  });
});
