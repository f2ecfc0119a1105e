import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, shoot, test } from "./fixtures";

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), "../lib/ingest/fixtures", name);

test.describe("order import", () => {
  test("ops uploads a Shopify export, sees progress end in a summary and a line-numbered error report", async ({ tenant, sql, page }) => {
    // A store of its own in the test's own organisation (both removed afterwards).
    const name = `E2E import ${Date.now()}`;
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO "Store" (id, "organizationId", name, channel, market, "timeZone", currency, "joinedOn")
       VALUES (gen_random_uuid()::text, $1, $2, 'BRAND_SITE', 'US', 'America/New_York', 'USD', '2024-01-01') RETURNING id`,
      [tenant.organizationId, name],
    );
    const storeId = rows[0]?.id as string;
    await tenant.signIn("ops");
    await page.goto("/import");
    await expect(page.getByRole("heading", { name: "Import orders" })).toBeVisible();
    await page.getByLabel("Store").selectOption(storeId);
    await page.getByLabel("Format").selectOption("shopify-csv");
    await page.getByLabel("Export file").setInputFiles(fixture("shopify-errors.csv"));
    await page.getByRole("button", { name: "Import" }).click();

    await expect(page.getByText("Done.")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
    const errors = page.getByRole("region", { name: "Import errors" });
    await expect(errors.getByRole("row").nth(1)).toContainText(/\d+/);
    const created = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Order" WHERE "storeId" = $1`, [storeId]);
    await expect(page.getByLabel("Import summary")).toContainText(`New${created.rows[0]?.n}`);
    await shoot(page, "import-done");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download error report (CSV)" }).click();
    expect((await download).suggestedFilename()).toBe("shopify-errors-errors.csv");
  });

  test("suppliers cannot reach the import page or API", async ({ signIn, page }) => {
    await signIn("supplier");
    await page.goto("/import");
    await expect(page).not.toHaveURL(/\/import/);
    const res = await page.request.get("/api/imports/anything");
    expect(res.status()).toBe(403);
  });
});
