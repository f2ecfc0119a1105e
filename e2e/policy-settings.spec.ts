import { expect, shoot, test } from "./fixtures";

test.describe("owner policy settings and the 2026 updates", () => {
  test("the owner changes the due-soon hours, sees it saved and audited, then resets it", async ({ tenant, page }) => {
    await tenant.signIn("owner");
    await page.goto("/settings/policy");
    await expect(page.getByRole("heading", { level: 1, name: "Policy settings" })).toBeVisible();
    // The form is a client component: submit once it is hydrated.
    await page.waitForLoadState("networkidle");
    const row = page.locator('[data-setting="dispatch.dueSoonHours"]');
    await expect(row).toContainText("Default 24");
    await expect(row).toContainText("allowed 1–120");
    await row.getByRole("spinbutton").fill("500");
    await page.getByRole("button", { name: "Save and re-evaluate open orders" }).click();
    await expect(row.getByRole("alert")).toHaveText("Between 1 and 120 hours");

    await row.getByRole("spinbutton").fill("12");
    await page.getByRole("button", { name: "Save and re-evaluate open orders" }).click();
    await expect(page.getByRole("status")).toContainText("Saved 1 setting");
    await expect(row).toContainText("Changed");
    await expect(page.getByTestId("policy-settings-history")).toContainText("dispatch.dueSoonHours default → 12");
    await shoot(page, "policy-settings");

    await page.goto("/digest");
    await expect(page.locator('[data-total="Due in 12 h"]')).toBeVisible();

    await page.goto("/settings/policy");
    await page.waitForLoadState("networkidle");
    await page.locator('[data-setting="dispatch.dueSoonHours"]').getByRole("button", { name: "Reset" }).click();
    await expect(page.getByRole("status")).toContainText("Saved 1 setting");
    await expect(page.locator('[data-setting="dispatch.dueSoonHours"]')).toContainText("Default");
    await expect(page.locator('[data-setting="dispatch.dueSoonHours"]').getByRole("spinbutton")).toHaveValue("24");
  });

  test("/policy lists the 2026 updates newest first, with version dates, sources and whom they hit", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/policy");
    const changes = page.getByRole("table", { name: "Policy changes" });
    await expect(changes.locator('[data-change="fulfillment.seller_shipping_phase_out"]')).toContainText("announced, then withdrawn");
    await expect(changes.locator('[data-change="fulfillment.seller_shipping_phase_out"]')).toContainText("Nobody");
    await expect(changes.locator('[data-change="returns.response_window_business_days"]')).toContainText("25 Feb 2026");
    await expect(changes.locator('[data-change="tracking.china_us_designated_carriers"]')).toContainText("Trade press");
    await shoot(page, "policy-changes");
  });

  test("ops cannot open the settings", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/settings/policy");
    await expect(page).toHaveURL(/denied=1/);
  });
});
