import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (url: string) => proxy(new NextRequest(new URL(url, "http://localhost:3000")));

describe("proxy: odd addresses", () => {
  it.each(["/orders/%E0%A4%A", "/orders/%", "/api/orders/%ZZ"])("a broken percent-encoding in %s is a 400, not a 500", async (path) => {
    const res = run(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "BAD_REQUEST", message: "The address has a broken percent-encoding." });
  });

  it.each(["/api/orders?q=%00", "/orders?q=abc%00def", "/orders/%00", "/api/orders/export?from=2026-01-01&q=x%00"])("a NUL byte in %s is a 400", (path) => {
    expect(run(path).status).toBe(400);
  });

  it("ordinary addresses pass", () => {
    expect(run("/orders?q=caf%C3%A9&from=2026-01-01").status).toBe(200);
  });
});

describe("proxy: Content-Security-Policy with a nonce per request", () => {
  it("allows only scripts with this response's nonce: no 'unsafe-inline' for scripts", () => {
    const policy = run("/orders").headers.get("content-security-policy") ?? "";
    const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("hands the same policy to Next (request header) so it can put the nonce on its scripts, and a new nonce each time", () => {
    const a = run("/orders");
    const b = run("/orders");
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(a.headers.get("content-security-policy"));
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce(a));
  });
});
