import { expect, shoot, test } from "./fixtures";

test.describe("compliance records", () => {
  test("the owner tops up a deposit and records a video, and the flags change", async ({ tenant, page }) => {
    await tenant.signIn("owner");

    await page.goto("/compliance");
    await expect(page.getByRole("heading", { name: "Compliance" })).toBeVisible();
    const us = page.locator('[data-testid^="store-compliance-"]').filter({ has: page.getByRole("heading", { name: "TikTok Shop US", exact: true }) });
    await expect(us.getByTestId("deposit-state")).toHaveText("Restricted: deposit short");
    await expect(us.getByTestId("deposit-shortfall")).toHaveText("$500.00");
    await expect(us.locator('[data-rule="deposit.shortfall"]')).toBeVisible();
    await expect(us.getByTestId("licence-countdown")).toContainText("days left");
    await expect(page.getByTestId("deposits-total")).toContainText("$1,000.00");
    await shoot(page, "compliance-before-top-up");

    await us.getByLabel("Amount (USD)").fill("500.00");
    await us.getByLabel("Note").fill("Top-up to the standard");
    await us.getByRole("button", { name: "Record entry" }).click();
    await expect(us.getByRole("status")).toHaveText("Deposit entry recorded.");
    await expect(us.getByTestId("deposit-state")).toHaveText("Deposit complete");
    await expect(us.getByTestId("deposit-shortfall")).toHaveText("$0.00");
    await expect(us.locator('[data-rule="deposit.shortfall"]')).toHaveCount(0);
    await expect(page.getByTestId("deposits-total")).toContainText("$1,500.00");
    await shoot(page, "compliance-after-top-up");

    await page.goto("/creators");
    const mia = page.getByTestId("creator-glowwithmia");
    await expect(mia.locator('[data-rule="content.near_limit"]')).toBeVisible();
    await shoot(page, "creators");
    await mia.getByRole("link", { name: "@glowwithmia" }).click();
    await expect(page.getByRole("heading", { name: "@glowwithmia" })).toBeVisible();
    await expect(page.getByTestId("non-interactive-count")).toContainText("4");
    await expect(page.getByTestId("quota-left")).toHaveText("Not restricted");
    await shoot(page, "creator-near-limit");

    const local = await page.evaluate(() => {
      const d = new Date(Date.now() - 60_000);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel("Title").fill("Sunset lamp photo stack");
    await page.getByLabel("Posted at (your local time)").fill(local);
    await page.getByLabel("How it is made").selectOption("STATIC_IMAGES");
    await page.getByRole("button", { name: "Record video" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Video recorded." })).toBeVisible();
    await expect(page.getByTestId("quota-left")).toContainText("7 of 7 left");
    await expect(page.locator('[data-rule="content.restricted"]')).toBeVisible();
    await expect(page.locator('[data-rule="content.near_limit"]')).toHaveCount(0);
    await expect(page.getByTestId("restriction-band")).toHaveCount(1);
    await shoot(page, "creator-restricted");

    await page.goto("/listings");
    const first = page.locator('tbody[data-testid^="listing-"]').first();
    await expect(first.locator('[data-rule="inventory.oversell_risk"]')).toBeVisible();
    await expect(page.getByTestId("listing-MINI-FAN-USB").getByTestId("difference-USD")).toContainText("lower by $0.99 (7.6%)");
    await expect(page.getByTestId("listing-ICE-ROLLER").locator('[data-rule="pricing.mismatch"]')).toHaveCount(0);
    await page.getByTestId("listing-MINI-FAN-USB").getByText("Price history and changes").click();
    await shoot(page, "listings");
  });

  test("a supplier is sent away from the compliance screens", async ({ signIn, page }) => {
    await signIn("supplier");
    for (const path of ["/compliance", "/listings", "/creators"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/denied=1/);
    }
  });
});
