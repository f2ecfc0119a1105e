import { expect, shoot, test } from "./fixtures";

test.describe("shop performance exposure", () => {
  test("the owner opens a store's exposure and sees each rate, its band, the headroom and the trend", async ({ signIn, sql, page }) => {
    const { rows } = await sql.query<{ id: string }>(
      `SELECT s.id FROM "Store" s JOIN "Organization" o ON o.id = s."organizationId" WHERE o.name = 'Demo Dropship Co' AND s.name = 'TikTok Shop US'`,
    );
    const storeId = rows[0]?.id;
    expect(storeId).toBeTruthy();

    await signIn("owner");
    await page.goto(`/stores/${storeId}/exposure`);
    await expect(page.getByRole("heading", { name: "TikTok Shop US" })).toBeVisible();
    const section = page.getByTestId("store-exposure");
    await expect(section.getByRole("heading", { name: "Shop performance exposure" })).toBeVisible();

    for (const key of ["ldr", "vtr", "otdr", "sfcr"]) {
      const card = section.getByTestId(`metric-${key}`);
      await expect(card.getByTestId("value")).toHaveText(/\d+(\.\d+)?%/);
      await expect(card.locator("[data-band]").first()).toHaveText(/Healthy|At risk|Breached|Enforcement|No data/);
      await expect(card.getByTestId("consequence")).not.toBeEmpty();
      // The chart is drawn in the browser, with the threshold line.
      await expect(card.getByTestId(`trend-${key}`).locator(".recharts-surface")).toBeVisible();
      await expect(card.getByTestId(`trend-${key}`).locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
      // A flat SVG line has no height, so Playwright never calls it "visible": check it is drawn.
      await expect(card.getByTestId(`trend-${key}`).locator(".recharts-reference-line-line")).toHaveAttribute("stroke-dasharray", "4 3");
    }
    await expect(section.getByTestId("metric-ldr").getByTestId("headroom")).toHaveText(/late dispatch|Over the line/);
    await expect(section.getByTestId("projection")).toContainText("Handle these first");
    await expect(section.getByTestId("suppliers")).toContainText("Shenzhen Direct Supply");
    await expect(section.getByTestId("comparison")).toContainText("Brand Website");
    await shoot(page, "store-exposure");
  });

  test("the JSON contract answers the owner and refuses a supplier", async ({ signIn, sql, page }) => {
    const { rows } = await sql.query<{ id: string }>(
      `SELECT s.id FROM "Store" s JOIN "Organization" o ON o.id = s."organizationId" WHERE o.name = 'Demo Dropship Co' AND s.name = 'TikTok Shop UK'`,
    );
    await signIn("owner");
    const ok = await page.request.get(`/api/stores/${rows[0]?.id}/exposure`);
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as { metrics: { key: string }[] };
    expect(body.metrics.map((m) => m.key)).toEqual(["ldr", "vtr", "otdr", "sfcr"]);

    await page.context().clearCookies();
    await signIn("supplier");
    expect((await page.request.get(`/api/stores/${rows[0]?.id}/exposure`)).status()).toBe(403);
  });
});
