import { fakeOrderNode, startFakeShopifyAdmin } from "../lib/channels/fake-shopify-admin";
import { expect, shoot, test } from "./fixtures";

// The brand site connected to a (fake, loopback) Shopify Admin API: "Sync now" pulls its orders,
// the store page shows the connection and the webhook topics registered through the API.
test("the owner syncs a connected Shopify store from its page and sees the connection", async ({ signIn, sql, page }) => {
  const token = "shpat_e2e_token_000000000000";
  const fake = await startFakeShopifyAdmin({
    accessToken: token,
    apiVersion: "2026-10",
    orders: [
      fakeOrderNode({
        id: 880001,
        name: "#E2E-1",
        createdAt: new Date(Date.now() - 86_400_000).toISOString(),
        updatedAt: new Date(Date.now() - 3_600_000).toISOString(),
        financial: "PAID",
        fulfillment: "UNFULFILLED",
        total: "42.00",
      }),
      fakeOrderNode({
        id: 880002,
        name: "#E2E-2",
        createdAt: new Date(Date.now() - 86_400_000).toISOString(),
        updatedAt: new Date(Date.now() - 3_000_000).toISOString(),
        financial: "PENDING",
        fulfillment: "UNFULFILLED",
        total: "19.00",
        gateways: ["cash_on_delivery"],
      }),
    ],
  });
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "Store" WHERE name = 'Brand Website' LIMIT 1`);
  const storeId = (rows[0] as { id: string }).id;
  try {
    await sql.query(
      `UPDATE "Store" SET "shopifyDomain" = 'demo-brand.myshopify.com', "shopifyAccessToken" = $2, "shopifyApiBaseUrl" = $3, "shopifyApiVersion" = '2026-10',
         "shopifyWebhookTopics" = ARRAY['ORDERS_CREATE','FULFILLMENTS_UPDATE'] WHERE id = $1`,
      [storeId, token, fake.baseUrl],
    );
    await signIn("owner");
    await page.goto(`/stores/${storeId}`);
    await expect(page.getByTestId("store-connection")).toContainText("Not connected yet");
    await expect(page.getByTestId("store-webhook-topics")).toContainText("orders/create, fulfillments/update");
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Synced 2 orders: 2 new" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("store-connection")).toContainText("Connected");
    await expect(page.getByTestId("store-connection")).toContainText("demo-brand.myshopify.com");
    expect(await page.content()).not.toContain(token);
    const synced = await sql.query<{ externalId: string; status: string }>(
      `SELECT "externalId", status FROM "Order" WHERE "storeId" = $1 AND "externalId" LIKE '#E2E-%' ORDER BY "externalId"`,
      [storeId],
    );
    expect(synced.rows).toEqual([
      { externalId: "#E2E-1", status: "AWAITING_SHIPMENT" },
      { externalId: "#E2E-2", status: "AWAITING_SHIPMENT" },
    ]);
    await shoot(page, "store-shopify-connection");
  } finally {
    await sql.query(`DELETE FROM "Order" WHERE "storeId" = $1 AND "externalId" LIKE '#E2E-%'`, [storeId]);
    await sql.query(
      `UPDATE "Store" SET "shopifyDomain" = NULL, "shopifyAccessToken" = NULL, "shopifyApiBaseUrl" = NULL, "shopifyApiVersion" = NULL, "shopifyWebhookTopics" = '{}',
         "connectionState" = NULL, "connectionMessage" = NULL, "connectionChangedAt" = NULL, "lastSyncedAt" = NULL WHERE id = $1`,
      [storeId],
    );
    await fake.close();
  }
});
