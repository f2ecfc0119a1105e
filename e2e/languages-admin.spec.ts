import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The stores and alert screens in Dutch and Simplified Chinese (issue 21), read-only on the demo
// data: the demo owner has chosen no language, so the browser's Accept-Language (Playwright's
// `locale`) decides. Each screen at desktop (1280 px) and phone (390 px) width, shots in
// e2e/.artifacts/ to look at: no clipped or overflowing text, CJK glyphs present.

const SCREENS = {
  nl: {
    stores: { heading: "Winkels", texts: ["Open meldingen", "Mediane verzendtijd", "Risico voor de score"] },
    store: { texts: ["Laatste 30 dagen", "Status van de koppeling", "Recent te laat verzonden"] },
    alerts: { heading: "Alerts", texts: ["Verzendlog", "Je voorkeuren"] },
    alertSettings: { heading: "Alertinstellingen", headings: ["Wanneer alerts uitgaan", "Regels", "Kanalen"] },
  },
  "zh-CN": {
    stores: { heading: "店铺", texts: ["未处理风险提示", "发货中位数", "评分风险"] },
    store: { texts: ["近 30 天", "连接状态", "近期延迟发货"] },
    alerts: { heading: "提醒", texts: ["推送记录", "你的偏好设置"] },
    alertSettings: { heading: "提醒设置", headings: ["提醒发送时间", "规则", "渠道"] },
  },
} as const;

async function atBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `e2e/.artifacts/${name}-desktop-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts re-measure through ResizeObserver: let the layout settle before measuring it.
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `e2e/.artifacts/${name}-phone-390.png`, fullPage: true });
  await page.screenshot({ path: `e2e/.artifacts/${name}-phone-390-top.png` });
}

for (const locale of ["nl", "zh-CN"] as const) {
  test.describe(`admin screens in ${locale}`, () => {
    test.use({ locale });
    const words = SCREENS[locale];

    test("the stores list and a store's page", async ({ signIn, page }) => {
      await signIn("owner");
      await page.goto("/stores");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.stores.heading);
      for (const text of words.stores.texts) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      // No English left over on the list's own words.
      await expect(page.getByText("Service figures over the last 30 days")).toHaveCount(0);
      await atBothWidths(page, `languages-stores-${locale}`);

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole("link", { name: "TikTok Shop US", exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "TikTok Shop US" })).toBeVisible();
      for (const text of words.store.texts) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId("store-exposure")).toBeVisible();
      await atBothWidths(page, `languages-store-${locale}`);
    });

    test("the alerts page and the alert settings", async ({ signIn, page }) => {
      await signIn("owner");
      await page.goto("/alerts");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.alerts.heading);
      for (const text of words.alerts.texts) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
      await expect(page.getByText("Delivery log")).toHaveCount(0);
      await atBothWidths(page, `languages-alerts-${locale}`);

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/alerts/settings");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.alertSettings.heading);
      for (const name of words.alertSettings.headings) await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
      await atBothWidths(page, `languages-alert-settings-${locale}`);
    });
  });
}
