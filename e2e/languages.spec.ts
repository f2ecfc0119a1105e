import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, USERS, expect, signInAsEmail, test } from "./fixtures";

// Languages (issue 21): the browser's Accept-Language for a user who has not chosen and for pages
// without a session; the user's own choice (/account or the shell's switcher) over the header.
// Screens that write use an organisation of their own (the tenant fixture), never the demo users.
// Every screen is photographed at desktop (1280) and phone (390) width into e2e/.artifacts/.

async function shootBoth(page: Page, name: string) {
  const before = page.viewportSize();
  for (const [size, width, height] of [
    ["desktop", 1280, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Charts and wrapped headers settle after the resize.
    await page.waitForTimeout(300);
    // Nothing may push the page sideways: no clipped or overflowing words, CJK or long Dutch ones.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `e2e/.artifacts/languages-${name}-${size}.png`, fullPage: true });
    if (size === "phone") await page.screenshot({ path: `e2e/.artifacts/languages-${name}-phone-top.png` });
  }
  if (before) await page.setViewportSize(before);
}

const switcher = (page: Page) => page.getByTestId("language-switcher").locator("select");
// An amount in any of the three languages' formats: $12.34, US$12.34, £1,234.50, € 12,34, 12,34 €.
const PRICE = /[$£€]\s?\d[\d,.]*[.,]\d\d\b|\b\d[\d,.]*[.,]\d\d\s?[$£€]/;

test.describe("a browser that asks for Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("a user who has not chosen a language sees the shell in Dutch on /", async ({ signIn, page }) => {
    await signIn("owner");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" }).filter({ visible: true });
    await expect(nav.getByRole("link", { name: "Overzicht", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Risicolijst", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText("Eigenaar");
    await expect(page.getByTestId("language-switcher")).toContainText("NL");
    await shootBoth(page, "overview-nl");
  });

  test("the user's own choice wins over the header, set on /account or with the switcher", async ({ tenant, page }) => {
    await tenant.signIn("owner");
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
    await expect(page.locator("#account-locale")).toHaveValue("");
    await expect(page.locator("#account-locale option").first()).toHaveText("Volg mijn browser (nu: Nederlands)");

    await page.locator("#account-locale").selectOption("zh-CN");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(page.getByRole("heading", { name: "账户" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "语言已保存。" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.reload();
    await expect(page.getByRole("heading", { name: "账户" })).toBeVisible();
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await expect(page.locator("#account-locale")).toHaveValue("zh-CN");
    await shootBoth(page, "account-zh");

    // A form error comes back in the user's language.
    await page.locator("#pref-zone").fill("Mars/Olympus");
    await page.getByRole("button", { name: "保存偏好设置" }).click();
    await expect(page.getByText("无法识别的时区，例如 Europe/London")).toBeVisible();

    // The switcher in the shell writes the same choice.
    await switcher(page).selectOption("en");
    await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Risk queue" })).toBeVisible();

    // "Follow my browser" gives the header back its say.
    await switcher(page).selectOption("");
    await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    await page.goto("/account");
    await expect(page.locator("#account-locale")).toHaveValue("");
  });

  test("the switcher works at phone width", async ({ tenant, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await tenant.signIn("ops");
    await page.goto("/");
    await expect(page.getByTestId("language-switcher")).toBeVisible();
    await switcher(page).selectOption("zh-CN");
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await expect(page.getByTestId("language-switcher")).toContainText("中文");
    await shootBoth(page, "overview-zh-switched");
  });
});

test.describe("a browser that asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the sign-in page, with its field messages, in Chinese", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toBeVisible();
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入有效的电子邮箱地址")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
    await shootBoth(page, "login-zh");

    await page.getByLabel("电子邮箱").fill(USERS.owner);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码错误" })).toBeVisible();
  });

  test("the supplier's view in Chinese, without prices or buyer contact", async ({ page, sql }) => {
    await signInAsEmail(page.request, USERS.supplier, DEMO_PASSWORD);
    await page.goto("/");
    await expect(page.getByTestId("supplier-scorecard")).toContainText("SLA 考核表");
    await expect(page.getByTestId("supplier-scorecard")).toContainText("出库时长中位数");
    const cards = page.getByTestId("supplier-order");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("list", { name: "已分配的订单" })).toBeVisible();
    await expect(cards.first()).toContainText("收货地址");
    const html = await page.content();
    expect(html).not.toMatch(PRICE);
    const { rows } = await sql.query<{ buyerEmail: string | null }>(
      `SELECT o."buyerEmail" FROM "Order" o JOIN "User" u ON u."supplierId" = o."supplierId" WHERE u.email = $1 AND o."buyerEmail" IS NOT NULL LIMIT 200`,
      [USERS.supplier],
    );
    for (const r of rows) expect(html).not.toContain(r.buyerEmail);
    await shootBoth(page, "supplier-view-zh");
  });
});

test("a share link opened by a Chinese browser reads in Chinese and shows no price or buyer contact", async ({ tenant, page, browser, sql }) => {
  await tenant.signIn("owner");
  await page.goto("/sharing");
  await page.getByLabel("Supplier").selectOption({ label: "Sunrise Fulfilment (Ontario, CA)" });
  const label = `仓库 ${Date.now()}`;
  await page.getByLabel("Name").fill(label);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("new-share-url").textContent())?.trim() ?? "";
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const warehouse = await browser.newContext({ locale: "zh-CN" });
  const visitor = await warehouse.newPage();
  try {
    await visitor.goto(url);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(visitor.getByRole("heading", { name: label })).toBeVisible();
    await expect(visitor.getByText(`由 ${tenant.name} 分享`)).toBeVisible();
    await expect(visitor.getByText(/^只读 · 有效期至 .+ · 每次访问都会被记录$/)).toBeVisible();
    await expect(visitor.getByTestId("supplier-scorecard")).toContainText("SLA 考核表");
    await expect(visitor.getByTestId("supplier-order").first()).toBeVisible();
    expect(await visitor.title()).toContain("共享的供应商视图");
    const html = await visitor.content();
    expect(html).not.toMatch(PRICE);
    const { rows } = await sql.query<{ buyerEmail: string | null; buyerName: string | null }>(
      `SELECT "buyerEmail", "buyerName" FROM "Order" WHERE "organizationId" = $1 AND ("buyerEmail" IS NOT NULL OR "buyerName" IS NOT NULL)`,
      [tenant.organizationId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.buyerEmail) expect(html).not.toContain(r.buyerEmail);
      if (r.buyerName && r.buyerName.length > 3) expect(html).not.toContain(r.buyerName);
    }
    await shootBoth(visitor, "share-link-zh");

    // Anything else the link can show is Chinese too.
    await visitor.goto(url.replace(/[A-Za-z0-9_-]{43}$/, "x".repeat(43)));
    await expect(visitor.getByRole("heading", { name: "此链接无效" })).toBeVisible();
  } finally {
    await warehouse.close();
  }
});
