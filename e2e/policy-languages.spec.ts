import { expect, shoot, test } from "./fixtures";

// The policy calendar, its settings and the risk queue's reasons in Dutch and Chinese, chosen by
// the browser's Accept-Language (the demo users have no language of their own), at desktop and
// phone width.

const noSidewaysScroll = async (page: import("@playwright/test").Page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
};

for (const [locale, words] of [
  [
    "nl",
    {
      calendar: "Beleidskalender",
      changes: "Beleidswijzigingen",
      dispatchTitle: "Onderweg binnen 2 werkdagen na de bestelling",
      settings: "Beleidsinstellingen",
      save: "Opslaan en opnieuw beoordelen",
    },
  ],
  ["zh-CN", { calendar: "政策日历", changes: "政策变化", dispatchTitle: "下单后 2 个工作日内进入运输中", settings: "政策设置", save: "保存并重新评估" }],
] as const) {
  test.describe(locale, () => {
    // The browser's language: Accept-Language on every request of the context.
    test.use({ locale, extraHTTPHeaders: { "accept-language": locale } });

    test(`the policy calendar and its settings in ${locale}`, async ({ signIn, page }) => {
      await signIn("owner");
      await page.goto("/policy");
      await expect(page.getByRole("heading", { level: 1, name: words.calendar })).toBeVisible();
      await expect(page.getByRole("table", { name: words.changes })).toBeVisible();
      const dispatch = page.getByRole("table", { name: words.calendar }).locator('[data-rule="fulfillment.dispatch_deadline"]');
      await expect(dispatch).toContainText(words.dispatchTitle);
      await expect(dispatch).not.toContainText("business day");
      await shoot(page, `policy-${locale}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await noSidewaysScroll(page);
      await shoot(page, `policy-${locale}-390`);

      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto("/settings/policy");
      await expect(page.getByRole("heading", { level: 1, name: words.settings })).toBeVisible();
      // The form is a client component: its own words come from the browser's messages.
      await expect(page.getByRole("button", { name: words.save })).toBeVisible();
      await page.setViewportSize({ width: 390, height: 844 });
      await noSidewaysScroll(page);
      await shoot(page, `policy-settings-${locale}-390`);
    });

    test(`the risk queue words every reason in ${locale}, and keeps the English for machines`, async ({ signIn, page }) => {
      await signIn("ops");
      const response = await page.request.get("/api/risk");
      expect(response.status()).toBe(200);
      const { items } = (await response.json()) as { items: { reason: string; reasonText: string }[] };
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.reasonText, item.reason).not.toBe(item.reason);
        expect(item.reasonText).not.toMatch(/[{}]/);
      }
      await page.goto("/risk");
      const first = page.getByTestId("risk-item").first();
      await expect(first).toContainText(items[0]?.reasonText ?? "");
      await page.setViewportSize({ width: 390, height: 844 });
      await noSidewaysScroll(page);
      await shoot(page, `risk-reasons-${locale}-390`);
    });
  });
}
