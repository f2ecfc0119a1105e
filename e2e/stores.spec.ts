import { expect, shoot, test } from "./fixtures";

test.describe("stores and suppliers", () => {
  test("the owner opens a store and saves a settings change after fixing a bad time zone", async ({ tenant, sql, page }) => {
    await tenant.signIn("owner");
    await page.goto("/stores");
    await expect(page.getByRole("heading", { name: "Stores" })).toBeVisible();
    await shoot(page, "stores-list");
    await page.getByRole("link", { name: "TikTok Shop UK", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "TikTok Shop UK" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Performance-score exposure" }).first()).toBeVisible();
    await expect(page.getByTestId("store-integration")).toContainText("Not set");

    const { rows } = await sql.query<{ id: string; orders: number }>(
      `SELECT s.id, (SELECT count(*)::int FROM "Order" o WHERE o."storeId" = s.id AND o."placedAt" >= now() - interval '30 days' AND o.status <> 'CANCELLED') AS orders
       FROM "Store" s WHERE s.name = 'TikTok Shop UK' AND s."organizationId" = $1`,
      [tenant.organizationId],
    );
    const store = rows[0] as { id: string; orders: number };
    await expect(page.getByTestId("store-orders")).toHaveText(new Intl.NumberFormat("en-US").format(store.orders));

    await page.getByLabel("Time zone").fill("Europe/Atlantis");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#timeZone-error")).toContainText("Not a known IANA time zone");
    await expect(page.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
    await shoot(page, "store-settings-error");

    await page.getByLabel("Time zone").fill("Europe/Dublin");
    await page.getByLabel("TikTok app secret").fill("e2e-app-secret-value");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await expect(page.locator("#timeZone-error")).toHaveCount(0);
    const saved = await sql.query<{ timeZone: string; tiktokAppSecret: string }>(`SELECT "timeZone", "tiktokAppSecret" FROM "Store" WHERE id = $1`, [store.id]);
    // Encrypted at rest (lib/security/secrets.ts): never the plaintext in the database.
    expect(saved.rows[0]?.timeZone).toBe("Europe/Dublin");
    expect(saved.rows[0]?.tiktokAppSecret).toMatch(/^enc:v1:/);
    expect(saved.rows[0]?.tiktokAppSecret).not.toContain("e2e-app-secret-value");
    const audit = await sql.query<{ after: Record<string, string> }>(`SELECT after FROM "AuditLog" WHERE "entityId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [
      store.id,
    ]);
    expect(audit.rows[0]?.after).toMatchObject({ timeZone: "Europe/Dublin", tiktokAppSecret: "changed" });
    // The secret never comes back to the browser: the page only says it is set.
    await page.reload();
    expect(await page.content()).not.toContain("e2e-app-secret-value");
    await expect(page.getByLabel("TikTok app secret")).toHaveValue("");
    await expect(page.getByTestId("store-integration")).toContainText("Set");
    await shoot(page, "store-detail");
  });

  test("ops see a store without the settings form; suppliers cannot open store pages", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/stores");
    await page.getByRole("link", { name: "Brand Website", exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "Brand Website" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(page.getByText("Only the shop owner can change")).toBeVisible();

    await page.context().clearCookies();
    await signIn("supplier");
    await page.goto("/stores");
    await expect(page).toHaveURL(/denied=1/);
  });

  test("suppliers' scorecards: all for the owner, only their own for a supplier", async ({ signIn, page }) => {
    await signIn("owner");
    await page.goto("/suppliers");
    await expect(page.getByRole("heading", { name: "Suppliers" })).toBeVisible();
    await expect(page.locator('[data-testid^="supplier-"]')).toHaveCount(2);
    await expect(page.getByTestId("outbound").first()).not.toHaveText("—");
    await shoot(page, "suppliers");

    await page.context().clearCookies();
    await signIn("supplier");
    await page.goto("/suppliers");
    await expect(page.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
    await expect(page.locator('[data-testid^="supplier-"]')).toHaveCount(1);
    await expect(page.getByText("Shenzhen Direct Supply")).toHaveCount(0);
  });
});
