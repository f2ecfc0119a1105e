import { afterEach, describe, expect, it, vi } from "vitest";
import { assertOutboundUrl, checkOutboundUrl, OFFICIAL_HOSTS } from "./outbound-url";

const tiktok = OFFICIAL_HOSTS.tiktok;

describe("outbound URLs", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("by default allows only the official host over https", () => {
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "");
    expect(checkOutboundUrl("https://open-api.tiktokglobalshop.com", tiktok).ok).toBe(true);
    for (const url of [
      "https://internal.example",
      "http://127.0.0.1:5432",
      "https://10.0.0.5",
      "http://open-api.tiktokglobalshop.com",
      "https://open-api.tiktokglobalshop.com.evil.example",
    ]) {
      expect(checkOutboundUrl(url, tiktok).ok, url).toBe(false);
    }
  });

  it("with ALLOW_CUSTOM_API_URLS=1 allows other hosts (http only on loopback), never link-local or metadata", () => {
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "1");
    expect(checkOutboundUrl("http://127.0.0.1:4010", tiktok).ok).toBe(true);
    expect(checkOutboundUrl("https://sandbox.example", tiktok).ok).toBe(true);
    expect(checkOutboundUrl("http://sandbox.example", tiktok).ok).toBe(false);
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "https://169.254.169.254",
      "https://[fe80::1]",
      "https://metadata.google.internal",
      "https://[::ffff:169.254.169.254]",
      "https://0.0.0.0",
      "https://100.100.100.200",
      "https://user:pw@sandbox.example",
    ]) {
      expect(checkOutboundUrl(url, tiktok).ok, url).toBe(false);
    }
  });

  it("at send time refuses a host that resolves to a metadata address", async () => {
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "1");
    const lookup = async () => [{ address: "169.254.169.254" }];
    await expect(assertOutboundUrl("https://rebind.example", tiktok, lookup)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/resolves to a link-local/),
    });
    await expect(assertOutboundUrl("https://fine.example", tiktok, async () => [{ address: "203.0.113.9" }])).resolves.toBeInstanceOf(URL);
  });
});
