// Secrets at rest: store secrets are saved encrypted (AES-256-GCM under SECRETS_KEY), still work
// where they are used (webhook signatures), and `npm run secrets:rotate` moves them to a new key
// and encrypts any written before encryption existed.
import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as shopifyPost } from "@/app/api/webhooks/shopify/[storeId]/route";
import { updateStoreSettings } from "@/lib/actions/stores";
import type { SessionUser } from "@/lib/auth";
import { saveAlertChannelAction } from "@/lib/actions/alerts";
import { readStoreCredentials } from "@/lib/channels/credentials";
import { applyStoreSettings } from "@/lib/channels/store-settings";
import { rotateStoreSecrets } from "@/lib/security/rotate-secrets";
import { decryptSecret } from "@/lib/security/secrets";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());
afterEach(() => vi.unstubAllEnvs());

const SECRET = "shpss_at_rest_secret_value";
let storeId = "";
let orgId = "";

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Secrets ${Date.now()}` } })).id;
  storeId = (
    await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "Brand site",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
      },
    })
  ).id;
  const u = await prisma.user.create({
    data: { organizationId: orgId, email: `secrets-${Date.now()}@secrets.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
  });
  session.user = { id: u.id, email: u.email, name: u.name, organizationId: orgId, role: "OWNER", supplierId: null };
});

function saveSecret(value: string) {
  const f = new FormData();
  for (const [k, v] of Object.entries({
    name: "Brand site",
    timeZone: "America/New_York",
    market: "US",
    currency: "USD",
    joinedOn: "2024-01-01",
    webhookSecret: value,
  }))
    f.set(k, v);
  f.set("storeId", storeId);
  return updateStoreSettings(null, f);
}

async function signedWebhook(secret: string) {
  const body = JSON.stringify({ id: 1, name: "#1", updated_at: "2026-03-09T10:15:05-05:00" });
  const hmac = createHmac("sha256", secret).update(body).digest("base64");
  const res = await shopifyPost(
    new Request(`http://localhost/api/webhooks/shopify/${storeId}`, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": "orders/updated",
        "x-shopify-event-id": `e-${Math.random()}`,
        "x-shopify-hmac-sha256": hmac,
      },
    }),
    { params: Promise.resolve({ storeId }) },
  );
  return res.status;
}

const raw = async () => (await prisma.store.findUniqueOrThrow({ where: { id: storeId } })).webhookSecret;

describe("store secrets at rest", () => {
  it("are stored encrypted, never as the plaintext, and still verify webhooks", async () => {
    expect((await saveSecret(SECRET)).ok).toBe(true);
    const stored = await raw();
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(SECRET);
    expect(await signedWebhook(SECRET)).not.toBe(401);
    expect(await signedWebhook("some other secret")).toBe(401);
  });

  it("saving the same value again changes nothing (compared with the plaintext)", async () => {
    const before = await raw();
    expect(await saveSecret(SECRET)).toMatchObject({ ok: true, message: "Nothing to change." });
    expect(await raw()).toBe(before);
  });

  it("rotation re-encrypts under the new key, plaintext rows included, and a second run rewrites nothing", async () => {
    const oldKey = process.env.SECRETS_KEY as string;
    const legacy = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "Legacy",
        channel: "TIKTOK_SHOP",
        market: "US",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
        tiktokAppSecret: "legacy-plaintext-secret",
      },
    });
    vi.stubEnv("SECRETS_KEY", Buffer.alloc(32, 9).toString("base64"));
    vi.stubEnv("SECRETS_KEY_PREVIOUS", oldKey);
    const first = await rotateStoreSecrets(prisma, { organizationId: orgId });
    expect(first).toEqual({ stores: 2, rewritten: 2 });
    const after = await raw();
    expect((await prisma.store.findUniqueOrThrow({ where: { id: legacy.id } })).tiktokAppSecret).toMatch(/^enc:v1:/);
    expect(await signedWebhook(SECRET)).not.toBe(401);
    expect((await rotateStoreSecrets(prisma, { organizationId: orgId })).rewritten).toBe(0);
    // Without the old key the rotated value still reads: it is under the new one.
    vi.stubEnv("SECRETS_KEY_PREVIOUS", "");
    expect(await signedWebhook(SECRET)).not.toBe(401);
    expect(await raw()).toBe(after);
  });
});

describe("every other secret at rest", () => {
  it("a Shopify Admin token set with `store set` is stored encrypted, masked in the CLI's answer, and read back in plaintext for the API", async () => {
    const token = "shpat_0123456789abcdef0123456789abcdef";
    // A store of its own: the rotation test above left this file's store under a rotated-out key.
    const shop = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "Shopify site",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
      },
    });
    const result = await applyStoreSettings(prisma, shop.id, { shopifyDomain: "secrets-test.myshopify.com", shopifyAccessToken: token }, "test");
    expect(JSON.stringify(result.printable)).not.toContain(token);
    expect(JSON.stringify(result.printable)).toContain(token.slice(-4));
    const row = await prisma.store.findUniqueOrThrow({ where: { id: shop.id }, select: { shopifyAccessToken: true } });
    expect(row.shopifyAccessToken).toMatch(/^enc:v1:/);
    expect((await readStoreCredentials(prisma, shop.id)).shopify?.accessToken).toBe(token);
  });

  it("an alert webhook's URL and signing secret are stored encrypted; a shared mailbox's address is not a secret", async () => {
    const owner = await prisma.user.create({
      data: { organizationId: orgId, email: `owner-${Date.now()}@secrets.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
    });
    session.user = { id: owner.id, email: owner.email, name: owner.name, organizationId: orgId, role: "OWNER", supplierId: null };
    const url = "https://receiver.example.com/hooks/alerts?key=abc";
    expect(await saveAlertChannelAction({ kind: "WEBHOOK", name: "Ops tool", target: url, secret: "a-signing-secret-of-24ch" })).toMatchObject({ ok: true });
    const channel = await prisma.alertChannel.findFirstOrThrow({ where: { organizationId: orgId, name: "Ops tool" } });
    expect(channel.url).toMatch(/^enc:v1:/);
    expect(channel.secret).toMatch(/^enc:v1:/);
    expect(decryptSecret(channel.url)).toBe(url);
    expect(decryptSecret(channel.secret)).toBe("a-signing-secret-of-24ch");
    session.user = null;
  });
});
