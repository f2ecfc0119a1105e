import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { startFakeShopifyAdmin } from "../lib/channels/fake-shopify-admin";
import { expect, shoot, test } from "./fixtures";

// "Fix it once": ops adds tracking on the order page of a brand-site order whose store is
// connected to a (fake, loopback) Shopify Admin API; a worker writes it back (one fulfilment with
// the tracking), the order's write-back card goes pending → sent, the stores list shows the
// store's connection health.
test("tracking added on the order page is written back to Shopify once and the order shows sent", async ({ tenant, sql, page }) => {
  test.skip(!process.env.DATABASE_URL, "the write-back worker needs a PostgreSQL server (DATABASE_URL)");
  const token = "shpat_e2e_write_back_token";
  const fake = await startFakeShopifyAdmin({ accessToken: token, apiVersion: "2026-10", orders: [] });
  let worker: ChildProcess | null = null;
  try {
    const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "Store" WHERE "organizationId" = $1 AND channel = 'BRAND_SITE' ORDER BY name LIMIT 1`, [
      tenant.organizationId,
    ]);
    const storeId = (rows[0] as { id: string }).id;
    await sql.query(
      `UPDATE "Store" SET "shopifyDomain" = 'e2e-write-back.myshopify.com', "shopifyAccessToken" = $2, "shopifyApiBaseUrl" = $3, "shopifyApiVersion" = '2026-10', "connectionState" = 'CONNECTED', "lastSyncedAt" = now() WHERE id = $1`,
      [storeId, token, fake.baseUrl],
    );
    const order = await sql.query<{ id: string }>(
      `INSERT INTO "Order" (id, "organizationId", "storeId", channel, "externalId", "sourceId", status, "placedAt", currency, "totalMinor", "updatedAt")
       VALUES ('wb-e2e-' || substr(md5(random()::text), 1, 10), $1, $2, 'BRAND_SITE', '#WB-E2E-1', '5300000000001', 'AWAITING_SHIPMENT', now() - interval '1 day', 'USD', 4200, now()) RETURNING id`,
      [tenant.organizationId, storeId],
    );
    const orderId = (order.rows[0] as { id: string }).id;
    fake.openOrder("gid://shopify/Order/5300000000001");
    worker = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/worker.ts")], { env: { ...process.env }, stdio: "ignore" });

    await tenant.signIn("ops");
    await page.goto(`/orders/${orderId}`);
    const card = page.getByTestId("write-back");
    await expect(card).toContainText("Written back to Shopify");
    await card.getByRole("button", { name: "Add tracking" }).click();
    await card.getByLabel("Carrier").selectOption("UPS");
    await card.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await card.getByRole("button", { name: "Save tracking" }).click();
    await expect(card.getByRole("status").filter({ hasText: "being written back" })).toBeVisible();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("write-back-state").getAttribute("data-status");
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBe("sent");
    await expect(page.getByTestId("order-timeline")).toContainText("Tracking written back to the platform");
    const fulfilments = fake.fulfilment.get("gid://shopify/Order/5300000000001")?.fulfillments ?? [];
    expect(fulfilments).toHaveLength(1);
    expect(fulfilments[0]?.trackingInfo[0]).toMatchObject({ company: "UPS", number: "1Z999AA10123456784" });
    await shoot(page, "order-write-back-sent");

    await page.goto("/stores");
    await expect(page.getByTestId(`store-health-${storeId}`).first()).toContainText("Connected");
  } finally {
    worker?.kill("SIGTERM");
    await fake.close();
  }
});
