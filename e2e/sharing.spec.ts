import { expect, shoot, test } from "./fixtures";

test.describe("supplier access", () => {
  test("the supplier sees only their own orders, with deadlines and without prices or buyer contact", async ({ signIn, sql, page }) => {
    await signIn("supplier");
    await page.goto("/");
    await expect(page.getByTestId("supplier-scorecard")).toBeVisible();
    const cards = page.getByTestId("supplier-order");
    await expect(cards.first()).toBeVisible();

    const { rows } = await sql.query<{ externalId: string; buyerEmail: string | null; totalMinor: number; supplierId: string }>(
      `SELECT o."externalId", o."buyerEmail", o."totalMinor", o."supplierId" FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId"
       WHERE u.email = 'supplier@demo.test'`,
    );
    const mine = await sql.query<{ supplierId: string }>(`SELECT "supplierId" FROM "User" WHERE email = 'supplier@demo.test'`);
    const supplierId = mine.rows[0]?.supplierId;
    const shown = await cards.locator(".font-mono").first().textContent();
    expect(rows.find((r) => r.externalId === shown?.trim())?.supplierId).toBe(supplierId);
    const html = await page.content();
    for (const r of rows.slice(0, 200)) if (r.buyerEmail) expect(html).not.toContain(r.buyerEmail);
    expect(html).not.toMatch(/\$\d+\.\d\d|£\d+\.\d\d/);
    await shoot(page, "supplier-overview");
  });

  test("an owner-made share link shows the same view in a fresh browser, and the revoked page after revocation", async ({ tenant, page, browser }) => {
    await tenant.signIn("owner");
    await page.goto("/sharing");
    await page.getByLabel("Supplier").selectOption({ label: "Sunrise Fulfilment (Ontario, CA)" });
    const label = `E2E link ${Date.now()}`;
    await page.getByLabel("Name").fill(label);
    await page.getByRole("button", { name: "Create link" }).click();
    const url = (await page.getByTestId("new-share-url").textContent())?.trim() ?? "";
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    await shoot(page, "sharing");

    const stranger = await browser.newContext();
    const visitor = await stranger.newPage();
    await visitor.goto(url);
    await expect(visitor.getByRole("heading", { name: label })).toBeVisible();
    await expect(visitor.getByTestId("supplier-scorecard")).toBeVisible();
    await expect(visitor.getByTestId("supplier-order").first()).toBeVisible();
    expect(await visitor.content()).not.toMatch(/\$\d+\.\d\d|£\d+\.\d\d/);
    await visitor.screenshot({ path: "e2e/.artifacts/share-link-view.png", fullPage: true });

    await page.reload();
    const row = page.getByTestId("share-link-row").filter({ hasText: label });
    await expect(row).toContainText("1 view");
    await row.getByRole("button", { name: `Revoke ${label}` }).click();
    await expect(row.getByText("revoked")).toBeVisible();

    await visitor.goto(url);
    await expect(visitor.getByTestId("share-revoked")).toBeVisible();
    await expect(visitor.getByTestId("supplier-order")).toHaveCount(0);
    await stranger.close();
  });
});
