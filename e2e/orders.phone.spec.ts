import { expect, shoot, test } from "./fixtures";

// Runs in the phone project only (playwright.config.ts: *.phone.spec.ts).

test("orders on a phone: cards, no sideways scrolling, and the detail", async ({ signIn, page }) => {
  await signIn("ops");
  await page.goto("/orders?channel=TIKTOK_SHOP&pageSize=25");
  const cards = page.getByTestId("orders-cards");
  await expect(cards.getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("orders-table")).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shoot(page, "orders-list");

  await cards.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Order / })).toBeVisible();
  const detailOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(detailOverflow).toBeLessThanOrEqual(0);
  await shoot(page, "order-detail");
});
