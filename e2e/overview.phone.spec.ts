import { expect, shoot, test } from "./fixtures";

// 390 px: nothing may push the page sideways, and every screen stays readable.
async function expectNoSideways(page: import("@playwright/test").Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 390);
}

test("overview, stores and suppliers at phone width", async ({ signIn, page }) => {
  await signIn("owner");
  await page.goto("/");
  await expect(page.getByTestId("channel-TIKTOK_SHOP").getByTestId("orders")).toBeVisible();
  await expect(page.getByTestId("trend-charts").locator("svg.recharts-surface").first()).toBeVisible();
  await expectNoSideways(page);
  await shoot(page, "overview-phone");

  await page.goto("/stores");
  await expect(page.getByRole("heading", { name: "Stores" })).toBeVisible();
  await expectNoSideways(page);
  await shoot(page, "stores-phone");
  await page.getByRole("link").filter({ hasText: "TikTok Shop UK" }).filter({ visible: true }).first().click();
  await expect(page.getByRole("heading", { name: "Performance-score exposure" })).toBeVisible();
  await expectNoSideways(page);
  await shoot(page, "store-detail-phone");

  await page.goto("/suppliers");
  await expect(page.locator('[data-testid^="supplier-"]').first()).toBeVisible();
  await expectNoSideways(page);
  await shoot(page, "suppliers-phone");
});
