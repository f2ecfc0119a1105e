import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { USERS, expect, shoot, test } from "./fixtures";

test.describe("orders", () => {
  test("ops filters the list, the URL keeps the filters, the CSV has exactly those rows, and an order opens", async ({ signIn, sql, page }) => {
    await signIn("ops");
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "Orders", exact: true })).toBeVisible();
    const table = page.getByTestId("orders-table");
    await expect(table.getByTestId("order-row").first()).toBeVisible();
    await shoot(page, "orders-list");

    await page.getByLabel("Channel").selectOption("BRAND_SITE");
    await expect(page).toHaveURL(/[?&]channel=BRAND_SITE/);
    await page.getByLabel("Status").selectOption("DELIVERED");
    await expect(page).toHaveURL(/[?&]status=DELIVERED/);

    const { rows: expected } = await sql.query<{ id: string }>(
      `SELECT o.id FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId"
       WHERE u.email = $1 AND o.channel = 'BRAND_SITE' AND o.status = 'DELIVERED'`,
      [USERS.ops],
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.getByTestId("orders-total")).toContainText(new Intl.NumberFormat("en-US").format(expected.length));
    await expect(table.getByTestId("order-row").first().getByText("Brand site")).toBeVisible();
    await expect(table.getByText("TikTok Shop", { exact: true })).toHaveCount(0);

    // The filtered view survives a reload: it lives in the URL.
    await page.reload();
    await expect(page.getByLabel("Channel")).toHaveValue("BRAND_SITE");
    await expect(page.getByTestId("orders-total")).toContainText(new Intl.NumberFormat("en-US").format(expected.length));
    await shoot(page, "orders-filtered");

    const exportLink = page.getByRole("link", { name: "Export CSV" });
    await expect(exportLink).toHaveAttribute("href", /channel=BRAND_SITE/);
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{8}\.csv$/);
    const csv = parse(await readFile(await download.path(), "utf8")) as string[][];
    const [header, ...rows] = csv;
    expect(header?.[0]).toBe("order_id");
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(expected.map((r) => r.id)));

    // Open the first order: a real link, followed with the keyboard.
    const first = table.getByTestId("order-row").first().getByRole("link");
    const externalId = (await first.textContent())?.trim() ?? "";
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: `Order ${externalId}` })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Delivered");
    await expect(page.getByRole("heading", { name: "Lines" })).toBeVisible();
    await expect(page.getByTestId("order-timeline")).toContainText("Delivered");
    await expect(page.getByTestId("order-total")).toBeVisible();
    await shoot(page, "order-detail");
  });

  test("search by tracking number, sort, page, and a TikTok order's countdown and tracking check", async ({ signIn, sql, page }) => {
    const { rows } = await sql.query<{ id: string; externalId: string; trackingNumber: string }>(
      `SELECT o.id, o."externalId", o."trackingNumber" FROM "Order" o JOIN "Organization" g ON g.id = o."organizationId"
       WHERE g.name = 'Demo Dropship Co' AND o.channel = 'TIKTOK_SHOP' AND o."trackingNumber" IS NOT NULL
         AND (SELECT count(*) FROM "Order" x WHERE x."trackingNumber" = o."trackingNumber") = 1
       ORDER BY o."placedAt" DESC LIMIT 1`,
    );
    const target = rows[0];
    if (!target) throw new Error("the demo data has a tracked TikTok order");
    await signIn("ops");
    await page.goto("/orders");
    await page.getByLabel("Search by order id or tracking number").fill(target.trackingNumber);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${target.trackingNumber}`));
    await expect(page.getByTestId("orders-total")).toHaveText(/^1 order(?!s)/);
    await page.getByTestId("orders-table").getByRole("link", { name: target.externalId }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${target.id}$`));
    await expect(page.getByTestId("tracking-number")).toHaveText(target.trackingNumber);
    await expect(page.getByTestId("tracking-validity")).toBeVisible();
    await shoot(page, "order-detail-tiktok");

    // Open TikTok orders show their dispatch countdown.
    await page.goto("/orders?channel=TIKTOK_SHOP&status=AWAITING_SHIPMENT,AWAITING_COLLECTION,ON_HOLD&sort=dispatchDueAt");
    await expect(page.getByTestId("orders-table").getByTestId("countdown").first()).toHaveText(/^(overdue by \d.*|\d.* left)$/);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByTestId("page-of")).toContainText("Page 2 of");
    await shoot(page, "orders-open-tiktok");
  });

  test("a broken link explains which filter is wrong; a foreign order id is a 404", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/orders?channel=AMAZON&pageSize=900");
    const alert = page.getByRole("alert").filter({ hasText: "filters we cannot read" });
    await expect(alert).toContainText("channel");
    await expect(alert).toContainText("pageSize");
    await shoot(page, "orders-bad-link");
    const response = await page.goto("/orders/not-an-order-of-yours");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Order not found" })).toBeVisible();
  });

  test("a supplier sees only their orders, without totals", async ({ signIn, sql, page }) => {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Order" o JOIN "User" u ON u."supplierId" = o."supplierId" WHERE u.email = $1`,
      [USERS.supplier],
    );
    await signIn("supplier");
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
    await expect(page.getByTestId("orders-total")).toContainText(new Intl.NumberFormat("en-US").format(rows[0]?.n ?? -1));
    await expect(page.getByRole("columnheader", { name: /Total/ })).toHaveCount(0);
    await expect(page.getByLabel("Supplier")).toHaveCount(0);
    await expect(page.getByTestId("orders-table")).not.toContainText("$");
    await expect(page.getByTestId("orders-table")).not.toContainText("£");
    await shoot(page, "orders-supplier");
  });
});
