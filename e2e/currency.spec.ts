import path from "node:path";
import { expect, shoot, test } from "./fixtures";

// One reporting currency (issue 21): the owner sets it and the reference rates on /settings, and
// the overview shows revenue converted into it beside the original currencies, naming the day of
// the rate it used — or saying plainly that there is none.

/** 390 px: nothing may push the page sideways. */
async function expectNoSideways(page: import("@playwright/test").Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 390);
}

test("the owner sets EUR and the day's rates on /settings; the overview converts GBP and USD revenue at them, naming the rate day", async ({
  tenant,
  sql,
  page,
}) => {
  // Settings, the overview twice, a store and two languages: longer than one screen's test.
  test.setTimeout(180_000);
  await tenant.signIn("owner");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  // The forms are client components: submit once they are hydrated.
  await page.waitForLoadState("networkidle");

  const currencyForm = page.getByRole("form", { name: "Reporting currency" });
  await expect(currencyForm.getByLabel("Reporting currency")).toContainText("Automatic: currency of most revenue (currently USD)");
  await currencyForm.getByLabel("Reporting currency").selectOption("EUR");
  await currencyForm.getByRole("button", { name: "Save reporting currency" }).click();
  await expect(currencyForm.getByRole("status")).toHaveText("Reporting currency set to EUR.");

  // No rate yet: the overview says so instead of converting at anything.
  await page.goto("/");
  const tiktok = page.getByTestId("channel-TIKTOK_SHOP");
  await expect(tiktok.getByTestId("revenue-converted")).toHaveAttribute("data-status", "missing");
  await expect(tiktok.getByTestId("revenue-converted")).toContainText("No EUR figure: no rate for GBP and USD on or before");

  // The ECB's daily file, then the rates typed in for one day 40 days ago (before the whole period).
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  const importForm = page.getByRole("form", { name: "Import ECB reference rates" });
  await importForm.getByLabel("CSV file").setInputFiles(path.resolve("lib/ingest/fixtures/ecb/eurofxref.csv"));
  await importForm.getByRole("button", { name: "Import rates" }).click();
  await expect(importForm.getByRole("status")).toHaveText("Imported 30 rates for 1 day: 30 new, 0 changed, 0 unchanged.");
  await expect(page.getByTestId("fx-rates")).toContainText("1 EUR = 0.88348 GBP");

  const rateDay = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  const rateDayShown = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${rateDay}T00:00:00Z`),
  );
  const rateForm = page.getByRole("form", { name: "Enter a rate" });
  for (const [quote, rate] of [
    ["GBP", "0.8635"],
    ["USD", "1.0523"],
  ] as const) {
    await rateForm.getByLabel("Day").fill(rateDay);
    await rateForm.getByLabel("Base currency").fill("EUR");
    await rateForm.getByLabel("Quote currency").fill(quote);
    await rateForm.getByLabel("Rate", { exact: true }).fill(rate);
    await rateForm.getByRole("button", { name: "Save rate" }).click();
    await expect(rateForm.getByRole("status")).toHaveText(`Saved: 1 EUR = ${rate} ${quote} on ${rateDayShown}.`);
  }
  await page.reload();
  await expect(page.getByTestId("fx-rates").locator(`[data-rate="EUR/GBP@${rateDay}"]`)).toContainText("Entered by hand");

  // A slipped decimal point a day earlier, deleted again: the row leaves the table.
  const typoDay = new Date(Date.now() - 41 * 86_400_000).toISOString().slice(0, 10);
  await page.waitForLoadState("networkidle");
  await rateForm.getByLabel("Day").fill(typoDay);
  await rateForm.getByLabel("Base currency").fill("EUR");
  await rateForm.getByLabel("Quote currency").fill("GBP");
  await rateForm.getByLabel("Rate", { exact: true }).fill("8.635");
  await rateForm.getByRole("button", { name: "Save rate" }).click();
  await expect(rateForm.getByRole("status")).toContainText("Saved: 1 EUR = 8.635 GBP");
  await page.reload();
  await page.waitForLoadState("networkidle");
  const typo = page.getByTestId("fx-rates").locator(`[data-rate="EUR/GBP@${typoDay}"]`);
  await expect(typo).toContainText("1 EUR = 8.635 GBP");
  await typo.getByRole("button", { name: /^Delete the rate 1 EUR = 8\.635 GBP of / }).click();
  await expect(typo).toHaveCount(0);
  await expect(page.getByTestId("fx-rates").locator(`[data-rate="EUR/GBP@${rateDay}"]`)).toBeVisible();
  await shoot(page, "currency-settings");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideways(page);
  await shoot(page, "currency-settings-390");
  await page.setViewportSize({ width: 1366, height: 900 });

  // The last 30 days, each store's local day at the typed-in rates (the latest before every day),
  // rounded half up once per currency and day: what the database says by hand.
  const { rows } = await sql.query<{ channel: string; minor: string }>(
    `SELECT channel, sum(x)::text AS minor FROM (
       SELECT o.channel, round(sum(o."totalMinor")::numeric / CASE o.currency WHEN 'GBP' THEN 0.8635 WHEN 'USD' THEN 1.0523 END) AS x
       FROM "Order" o JOIN "Store" s ON s.id = o."storeId"
       WHERE o."organizationId" = $1 AND o.status <> 'CANCELLED' AND o."placedAt" >= now() - interval '30 days' AND o."placedAt" < now()
       GROUP BY o.channel, o.currency, (o."placedAt" AT TIME ZONE s."timeZone")::date) t
     GROUP BY channel`,
    [tenant.organizationId],
  );
  await page.goto("/");
  const converted = tiktok.getByTestId("revenue-converted");
  await expect(converted).toHaveAttribute("data-status", "converted");
  await expect(converted).toHaveAttribute("data-target-minor", rows.find((r) => r.channel === "TIKTOK_SHOP")?.minor ?? "");
  await expect(converted).toContainText(`at your rate of ${rateDayShown}`);
  await expect(converted).toContainText(/≈ €[\d,]+\.\d\d/);
  // Beside the originals, which are still there in their own currencies.
  await expect(tiktok.locator('[data-testid="revenue"] [data-currency="GBP"]')).toBeVisible();
  await expect(tiktok.locator('[data-testid="revenue"] [data-currency="USD"]')).toBeVisible();
  await expect(tiktok.getByTestId("aov-converted")).toContainText(`at your rate of ${rateDayShown}`);
  await expect(page.getByTestId("channel-BRAND_SITE").getByTestId("revenue-converted")).toHaveAttribute(
    "data-target-minor",
    rows.find((r) => r.channel === "BRAND_SITE")?.minor ?? "",
  );
  await expect(page.getByTestId("reporting-total")).toContainText("Both channels in EUR");
  await expect(page.getByTestId("converted-trend")).toContainText("Revenue per day in EUR");
  await expect(page.getByTestId("converted-trend-rates")).toHaveText(`at your rate of ${rateDayShown}`);
  await expect(page.getByTestId("converted-trend").locator("svg.recharts-surface")).toBeVisible();
  await shoot(page, "currency-overview");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await expectNoSideways(page);
  await shoot(page, "currency-overview-390");

  // The UK store's own figures: its GBP revenue, and beside it the same in EUR.
  const uk = await sql.query<{ id: string }>(`SELECT id FROM "Store" WHERE "organizationId" = $1 AND currency = 'GBP'`, [tenant.organizationId]);
  await page.goto(`/stores/${uk.rows[0]?.id}`);
  await expect(page.getByTestId("store-revenue-original").locator('[data-currency="GBP"]')).toBeVisible();
  await expect(page.getByTestId("store-revenue-converted")).toContainText(`at your rate of ${rateDayShown}`);
  await expect(page.getByTestId("store-aov-converted")).toContainText(/≈ €/);
  await expectNoSideways(page);
  await shoot(page, "currency-store-390");

  // In Dutch and Chinese (the owner's own choice of language), at phone width.
  for (const [language, note] of [
    ["nl", "tegen je eigen koers van"],
    ["zh-CN", "自填汇率"],
  ] as const) {
    await sql.query(`UPDATE "User" SET locale = $1 WHERE email = $2`, [language, tenant.users.owner]);
    await page.goto("/");
    await expect(tiktok.getByTestId("revenue-converted")).toContainText(note);
    await expect(page.getByTestId("converted-trend").locator("svg.recharts-surface")).toBeVisible();
    await page.waitForTimeout(300);
    await expectNoSideways(page);
    await shoot(page, `currency-overview-390-${language}`);
    await page.goto("/settings");
    await expect(page.getByTestId("fx-rates")).toBeVisible();
    await expectNoSideways(page);
    await shoot(page, `currency-settings-390-${language}`);
  }
});
