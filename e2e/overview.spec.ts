import { expect, shoot, test } from "./fixtures";

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n);

/** The demo organisation's figures straight from the database, for orders placed in the last `days` days. */
async function dbFigures(sql: import("pg").Client, days: number, storeName?: string) {
  const store = storeName ? `AND o."storeId" = (SELECT s.id FROM "Store" s WHERE s.name = $2 AND s."organizationId" = o."organizationId")` : "";
  const args: unknown[] = [days, ...(storeName ? [storeName] : [])];
  const org = `o."organizationId" = (SELECT u."organizationId" FROM "User" u WHERE u.email = 'owner@demo.test')`;
  const { rows } = await sql.query<{ channel: string; currency: string; orders: number; revenue: string }>(
    `SELECT o.channel, o.currency, count(*)::int AS orders, sum(o."totalMinor")::text AS revenue FROM "Order" o
     WHERE ${org} ${store} AND o."placedAt" >= now() - make_interval(days => $1) AND o.status <> 'CANCELLED' GROUP BY 1, 2`,
    args,
  );
  const late = await sql.query<{ late: number; total: number }>(
    `SELECT count(*) FILTER (WHERE o."inTransitAt" IS NULL OR o."inTransitAt" > o."dispatchDueAt")::int AS late, count(*)::int AS total FROM "Order" o
     WHERE ${org} ${store} AND o.channel = 'TIKTOK_SHOP' AND o."dispatchDueAt" >= now() - make_interval(days => $1) AND o."dispatchDueAt" < now() AND o.status <> 'CANCELLED'`,
    args,
  );
  const orders = (channel: string) => rows.filter((r) => r.channel === channel).reduce((n, r) => n + r.orders, 0);
  const revenue = (channel: string, currency: string) => rows.find((r) => r.channel === channel && r.currency === currency)?.revenue;
  return { orders, revenue, late: late.rows[0] as { late: number; total: number } };
}

test.describe("the overview", () => {
  test("the owner sees both channels with the database's figures, charts and risks, and switches period and store", async ({ signIn, sql, page }) => {
    await signIn("owner");
    await page.goto("/");
    const tiktok = page.getByTestId("channel-TIKTOK_SHOP");
    const brand = page.getByTestId("channel-BRAND_SITE");

    const d30 = await dbFigures(sql, 30);
    await expect(tiktok.getByTestId("orders")).toHaveText(fmt(d30.orders("TIKTOK_SHOP")));
    await expect(brand.getByTestId("orders")).toHaveText(fmt(d30.orders("BRAND_SITE")));
    await expect(tiktok.locator('[data-testid="revenue"] [data-currency="USD"]')).toHaveAttribute("data-minor", d30.revenue("TIKTOK_SHOP", "USD") ?? "");
    await expect(tiktok.locator('[data-testid="revenue"] [data-currency="GBP"]')).toHaveAttribute("data-minor", d30.revenue("TIKTOK_SHOP", "GBP") ?? "");
    await expect(tiktok.getByTestId("late-rate").locator("span")).toHaveAttribute("data-late", String(d30.late.late));
    await expect(tiktok.getByTestId("late-rate").locator("span")).toHaveAttribute("data-total", String(d30.late.total));
    for (const id of ["aov", "median-dispatch", "return-rate", "repeat-rate"]) await expect(brand.getByTestId(id)).toBeVisible();

    // Charts load after the figures, in their own chunk.
    await expect(page.getByTestId("trend-charts").locator("svg.recharts-surface").first()).toBeVisible();
    await expect(page.getByTestId("trend-charts").locator("svg.recharts-surface")).toHaveCount(3);
    await expect(page.getByTestId("risk-counts").getByRole("link").first()).toBeVisible();
    await expect(page.getByTestId("risk-counts").locator('a[href^="/risk?rule="]').first()).toBeVisible();
    await shoot(page, "overview-full");

    // The revenue chart switches currency without reloading.
    await page.getByRole("button", { name: "GBP" }).click();
    await expect(page.getByRole("button", { name: "GBP" })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("link", { name: "7 days" }).click();
    await expect(page).toHaveURL(/period=7/);
    const d7 = await dbFigures(sql, 7);
    await expect(tiktok.getByTestId("orders")).toHaveText(fmt(d7.orders("TIKTOK_SHOP")));
    await expect(brand.getByTestId("orders")).toHaveText(fmt(d7.orders("BRAND_SITE")));

    await page.getByLabel("Store", { exact: true }).selectOption({ label: "TikTok Shop US" });
    await expect(page).toHaveURL(/store=/);
    const us = await dbFigures(sql, 7, "TikTok Shop US");
    await expect(tiktok.getByTestId("orders")).toHaveText(fmt(us.orders("TIKTOK_SHOP")));
    await expect(brand.getByTestId("orders")).toHaveText("0");
    await expect(tiktok.locator('[data-testid="revenue"] [data-currency="GBP"]')).toHaveCount(0);

    // A custom range by the keyboard-friendly form.
    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From", { exact: true }).fill("2020-01-01");
    await page.getByLabel("To", { exact: true }).fill("2020-01-31");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/period=custom/);
    await expect(tiktok.getByTestId("orders")).toHaveText("0");
    await shoot(page, "overview-custom-empty");
  });

  test("a supplier sees only order counts and dispatch timing", async ({ signIn, page }) => {
    await signIn("supplier");
    await page.goto("/");
    await expect(page.getByTestId("channel-TIKTOK_SHOP").getByTestId("orders")).toBeVisible();
    await expect(page.getByTestId("revenue")).toHaveCount(0);
    await expect(page.getByTestId("aov")).toHaveCount(0);
    await expect(page.getByTestId("repeat-rate")).toHaveCount(0);
    await expect(page.getByTestId("risk-counts")).toHaveCount(0);
    await expect(page.getByTestId("trend-charts").locator("svg.recharts-surface").first()).toBeVisible();
    await expect(page.getByText("Revenue per day")).toHaveCount(0);
    await shoot(page, "overview-supplier-full");
  });
});
