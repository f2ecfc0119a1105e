import { expect, shoot, test } from "./fixtures";

// Runs in the phone project only (playwright.config.ts: *.phone.spec.ts).

const noSidewaysScroll = async (page: import("@playwright/test").Page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
};

test("the risk queue and the returns on a phone: cards, actions reachable, no sideways scrolling", async ({ signIn, page }) => {
  await signIn("ops");
  await page.goto("/risk");
  const first = page.getByTestId("risk-item").first();
  await expect(first).toBeVisible();
  await noSidewaysScroll(page);
  await shoot(page, "risk-queue");
  await page.screenshot({ path: `e2e/.artifacts/risk-queue-top-${test.info().project.name}.png` });

  await page.goto("/risk?rule=tracking.invalid");
  const row = page.locator('[data-testid="risk-item"][data-rule="tracking.invalid"]').first();
  await row.getByRole("button", { name: /Correct tracking|Add tracking/ }).click();
  const form = row.getByRole("form");
  await form.getByLabel("Tracking number").fill("1Z999AA10123456785");
  await expect(form.getByRole("alert")).toBeVisible();
  await noSidewaysScroll(page);
  await row.screenshot({ path: `e2e/.artifacts/risk-fix-form-${test.info().project.name}.png` });

  await page.goto("/returns?status=PENDING");
  const ret = page.getByTestId("return-item").first();
  await expect(ret).toBeVisible();
  await noSidewaysScroll(page);
  await shoot(page, "returns");
  await ret.getByRole("button", { name: "Decide" }).click();
  await ret.getByLabel("Refuse the return").check();
  await ret.getByRole("button", { name: "Save decision" }).click();
  await expect(ret.getByRole("alert")).toBeVisible();
  await noSidewaysScroll(page);
  await ret.screenshot({ path: `e2e/.artifacts/returns-decide-${test.info().project.name}.png` });
});
