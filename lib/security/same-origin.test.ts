import { afterEach, describe, expect, it, vi } from "vitest";
import { isCrossSite } from "./same-origin";

const req = (headers: Record<string, string>, url = "http://localhost:3000/api/imports") => new Request(url, { method: "POST", headers });

describe("isCrossSite", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses what another site's page can send: a foreign Origin, Origin null, Sec-Fetch-Site cross-site or same-site", () => {
    expect(isCrossSite(req({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(req({ origin: "null" }))).toBe(true);
    expect(isCrossSite(req({ "sec-fetch-site": "cross-site" }))).toBe(true);
    // A sibling subdomain shares cookies' site but is not this app.
    expect(isCrossSite(req({ "sec-fetch-site": "same-site", origin: "http://localhost:3000" }))).toBe(true);
    // Another port of the same host is another origin.
    expect(isCrossSite(req({ origin: "http://localhost:3001" }))).toBe(true);
  });

  it("lets the app's own pages and non-browser clients through", () => {
    expect(isCrossSite(req({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSite(req({ origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSite(req({ origin: "HTTP://LOCALHOST:3000" }))).toBe(false);
    expect(isCrossSite(req({}))).toBe(false);
  });

  it("accepts the public origin of NEXTAUTH_URL behind a proxy that rewrites the Host", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://dash.example.com/");
    expect(isCrossSite(req({ origin: "https://dash.example.com" }, "http://10.0.0.5:3000/api/imports"))).toBe(false);
    expect(isCrossSite(req({ origin: "https://evil.example.com" }, "http://10.0.0.5:3000/api/imports"))).toBe(true);
  });
});
