// Outbound requests only where they belong: an owner cannot point sync at an internal address.
// Only the platform's official host, unless the operator sets ALLOW_CUSTOM_API_URLS=1 (the tests
// and the demo do), and never link-local or metadata addresses.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { updateStoreSettings } from "@/lib/actions/stores";
import type { SessionUser } from "@/lib/auth";
import { syncTikTokStore } from "@/lib/ingest/sync-store";
import { encryptSecret } from "@/lib/security/secrets";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
let internal: Server;
let internalUrl = "";
let hits = 0;
let orgId = "";
let storeId = "";

beforeAll(async () => {
  // Stands for an internal service the app server can reach and the owner cannot.
  internal = createServer((_req, res) => {
    hits++;
    res.end("{}");
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  orgId = (await prisma.organization.create({ data: { name: `Outbound ${Date.now()}` } })).id;
  storeId = (
    await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "TikTok US",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
        tiktokAppKey: "app-key",
        tiktokAppSecret: encryptSecret("app-secret-value"),
        tiktokAccessToken: encryptSecret("access-token-value"),
        tiktokShopCipher: "cipher",
      },
    })
  ).id;
  const u = await prisma.user.create({
    data: { organizationId: orgId, email: `outbound-${Date.now()}@outbound.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
  });
  session.user = { id: u.id, email: u.email, name: u.name, organizationId: orgId, role: "OWNER", supplierId: null };
});
afterAll(async () => {
  await new Promise<void>((resolve) => internal.close(() => resolve()));
  await prisma.$disconnect();
});
afterEach(() => vi.unstubAllEnvs());

function saveBaseUrl(url: string) {
  const f = new FormData();
  for (const [k, v] of Object.entries({
    name: "TikTok US",
    timeZone: "America/New_York",
    market: "US",
    kind: "LOCAL",
    currency: "USD",
    joinedOn: "2024-01-01",
    tiktokApiBaseUrl: url,
  }))
    f.set(k, v);
  f.set("storeId", storeId);
  return updateStoreSettings(null, f);
}

describe("API base URLs", () => {
  it("without ALLOW_CUSTOM_API_URLS only the official host can be saved", async () => {
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "");
    const refused = await saveBaseUrl("https://internal.example");
    expect(refused).toMatchObject({ ok: false, fieldErrors: { tiktokApiBaseUrl: expect.stringMatching(/official host/) } });
    expect(await saveBaseUrl("https://open-api.tiktokglobalshop.com")).toMatchObject({ ok: true });
  });

  it("even when allowed, link-local and metadata addresses are refused", async () => {
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "1");
    for (const url of ["https://169.254.169.254", "https://[fe80::1]", "https://metadata.google.internal"]) {
      expect(await saveBaseUrl(url), url).toMatchObject({ ok: false, fieldErrors: { tiktokApiBaseUrl: expect.stringMatching(/metadata/) } });
    }
  });

  it("sync refuses a stored internal address when custom URLs are not allowed, and sends nothing there", async () => {
    await prisma.store.update({ where: { id: storeId }, data: { tiktokApiBaseUrl: internalUrl } });
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "");
    hits = 0;
    await expect(syncTikTokStore(prisma, { storeId, organizationId: orgId }, new Date("2026-03-01T00:00:00Z"))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(hits).toBe(0);
  });

  it("sync refuses a stored metadata address even when custom URLs are allowed", async () => {
    await prisma.store.update({ where: { id: storeId }, data: { tiktokApiBaseUrl: "http://169.254.169.254" } });
    vi.stubEnv("ALLOW_CUSTOM_API_URLS", "1");
    await expect(syncTikTokStore(prisma, { storeId, organizationId: orgId }, new Date("2026-03-01T00:00:00Z"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/metadata/),
    });
  });
});
