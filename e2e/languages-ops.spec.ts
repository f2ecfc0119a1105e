import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The ops screens in Dutch and Simplified Chinese. The demo users have chosen no language, so the
// browser's Accept-Language decides (lib/i18n/request.ts). Read-only on the demo data. Each screen
// is photographed at desktop (1280 px) and phone (390 px) width into e2e/.artifacts/, and must not
// scroll sideways on the phone.

type Words = {
  risk: string;
  severity: RegExp;
  countdown: RegExp;
  openOrder: string;
  order: RegExp;
  timeline: string;
  awaitingShipment: string;
  overview: string;
  attention: string;
  ordersFigure: string;
  /** The other screens of this part: path → h1. */
  screens: [string, string][];
};

const LANGUAGES: { locale: string; tag: string; words: Words }[] = [
  {
    locale: "nl-NL",
    tag: "nl",
    words: {
      risk: "Risicolijst",
      severity: /^(Kritiek|Waarschuwing|Info)$/,
      countdown: /^(nog \d.*|\d.* te laat)$/,
      openOrder: "Bestelling openen",
      order: /^Bestelling /,
      timeline: "Tijdlijn",
      awaitingShipment: "Wacht op verzending",
      overview: "Overzicht",
      attention: "Wat aandacht nodig heeft",
      ordersFigure: "Bestellingen",
      screens: [
        ["/orders", "Bestellingen"],
        ["/returns", "Retouren"],
        ["/digest", "Dagoverzicht"],
        ["/import", "Bestellingen importeren"],
      ],
    },
  },
  {
    locale: "zh-CN",
    tag: "zh-CN",
    words: {
      risk: "风险队列",
      severity: /^(严重|警告|提示)$/,
      countdown: /^(剩余 \d.*|已逾期 \d.*)$/,
      openOrder: "打开订单",
      order: /^订单 /,
      timeline: "时间线",
      awaitingShipment: "待发货",
      overview: "概览",
      attention: "需要处理的事项",
      ordersFigure: "订单",
      screens: [
        ["/orders", "订单"],
        ["/returns", "退货"],
        ["/digest", "每日摘要"],
        ["/import", "导入订单"],
      ],
    },
  },
];

async function photograph(page: Page, name: string) {
  for (const [width, label] of [
    [1280, "desktop"],
    [390, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height: label === "phone" ? 844 : 900 });
    // Charts and the queue re-measure after a resize.
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (label === "phone") expect(overflow, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `e2e/.artifacts/languages-${name}-${label}.png`, fullPage: true });
  }
}

for (const { locale, tag, words } of LANGUAGES) {
  test.describe(`ops screens in ${tag}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": `${locale},${tag.slice(0, 2)};q=0.9` } });

    test(`the risk queue and an order page read in ${tag}`, async ({ signIn, sql, page }) => {
      await signIn("ops");
      await page.goto("/risk");
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.getByRole("heading", { level: 1, name: words.risk })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(words.risk));
      const item = page.getByTestId("risk-item").first();
      await expect(item).toBeVisible();
      await expect(item.locator("span").filter({ hasText: words.severity }).first()).toBeVisible();
      // Countdowns in the viewer's words ("nog 5 u", "已逾期 3 小时"), never the English ones.
      const countdowns = page.getByTestId("risk-due").locator("span.md\\:inline");
      await expect(countdowns.first()).toHaveText(words.countdown);
      for (const text of (await countdowns.allTextContents()).slice(0, 10)) expect(text).toMatch(words.countdown);
      await photograph(page, `risk-${tag}`);

      // An order page from the queue's own link.
      await page.setViewportSize({ width: 1280, height: 900 });
      await item.getByRole("link", { name: words.openOrder }).click();
      await expect(page.getByRole("heading", { level: 1, name: words.order })).toBeVisible();
      await expect(page.getByRole("heading", { name: words.timeline })).toBeVisible();
      await photograph(page, `order-${tag}`);

      // A TikTok order still to be dispatched: its status word and countdown badge are translated.
      const { rows } = await sql.query<{ id: string }>(
        `SELECT o.id FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId"
         WHERE u.email = 'ops@demo.test' AND o.channel = 'TIKTOK_SHOP' AND o.status = 'AWAITING_SHIPMENT' AND o."inTransitAt" IS NULL
           AND o."dispatchDueAt" IS NOT NULL AND o."fulfillmentType" = 'SELLER_SHIPPING'
         ORDER BY o."dispatchDueAt" LIMIT 1`,
      );
      expect(rows[0]?.id).toBeTruthy();
      await page.goto(`/orders/${rows[0]?.id}`);
      await expect(page.getByTestId("order-status")).toHaveText(words.awaitingShipment);
      await expect(page.getByTestId("countdown")).toHaveText(words.countdown);
      await photograph(page, `order-awaiting-${tag}`);
    });

    test(`the overview reads in ${tag}`, async ({ signIn, page }) => {
      await signIn("ops");
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: words.overview })).toBeVisible();
      await expect(page.getByRole("heading", { name: words.attention })).toBeVisible();
      await expect(page.getByTestId("channel-TIKTOK_SHOP").getByText(words.ordersFigure, { exact: true })).toBeVisible();
      await expect(page.getByTestId("trend-charts").locator("svg.recharts-surface").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      await photograph(page, `overview-${tag}`);
    });

    test(`orders, returns, digest and import read in ${tag}`, async ({ signIn, page }) => {
      await signIn("ops");
      for (const [path, heading] of words.screens) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expect(page).toHaveTitle(new RegExp(heading));
        await page.waitForLoadState("networkidle");
        await photograph(page, `${path.slice(1)}-${tag}`);
      }
    });
  });
}
