import { expect, shoot, test } from "./fixtures";

test.describe("the risk queue", () => {
  test("ops fixes a bad tracking number: sees the validation error first, then the flag disappear", async ({ tenant, sql, page }) => {
    await tenant.signIn("ops");
    await page.goto("/risk");
    await expect(page.getByRole("heading", { name: "Risk queue" })).toBeVisible();
    await expect(page.getByTestId("risk-item").first()).toBeVisible();
    await shoot(page, "risk-queue");
    await page.screenshot({ path: `e2e/.artifacts/risk-queue-top-${test.info().project.name}.png` });

    // Filter to invalid tracking numbers with the rule filter (kept in the URL).
    await page.getByLabel("Rule", { exact: true }).selectOption("tracking.invalid");
    await expect(page).toHaveURL(/rule=tracking\.invalid/);
    const row = page.locator('[data-testid="risk-item"][data-rule="tracking.invalid"]').first();
    await expect(row).toBeVisible();
    const externalId = (await row.getAttribute("data-order")) as string;
    // External ids are unique per store, not globally: the other demo organisation reuses some.
    const { rows } = await sql.query<{ id: string }>(
      `SELECT o.id FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId" WHERE u.email = '${tenant.users.ops}' AND o."externalId" = $1`,
      [externalId],
    );
    const orderId = rows[0]?.id as string;
    expect(orderId).toBeTruthy();

    // Keyboard: the fix button is reachable and opens the form.
    const fix = row.getByRole("button", { name: /Correct tracking|Add tracking/ });
    await fix.focus();
    await page.keyboard.press("Enter");
    const form = row.getByRole("form", { name: `Fix tracking of order ${externalId}` });
    await expect(form).toBeVisible();

    const carrier = form.getByLabel("Carrier");
    const number = form.getByLabel("Tracking number");
    await carrier.selectOption("UPS");
    await number.fill("1Z999AA10123456785");
    await expect(form.getByText("UPS shape, but the check digit is wrong")).toBeVisible();
    await carrier.selectOption("FedEx");
    await number.fill("1Z999AA10123456784");
    await expect(form.getByText(/this is a UPS number, not a FedEx number/)).toBeVisible();
    await shoot(page, "risk-fix-error");
    // Saving an invalid number is refused before it leaves the page.
    await form.getByRole("button", { name: "Save tracking" }).click();
    await expect(form).toBeVisible();

    await carrier.selectOption("UPS");
    await expect(form.getByText("✓ valid UPS number")).toBeVisible();
    await form.getByRole("button", { name: "Save tracking" }).click();
    await expect(page.getByTestId("risk-notice")).toContainText(`order ${externalId}`);
    await expect(page.locator(`[data-testid="risk-item"][data-rule="tracking.invalid"][data-order="${externalId}"]`)).toHaveCount(0);
    await shoot(page, "risk-fixed");

    const stored = await sql.query(`SELECT carrier, "trackingNumber" FROM "Order" WHERE id = $1`, [orderId]);
    expect(stored.rows[0]).toEqual({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    const flags = await sql.query(`SELECT 1 FROM "RiskFlag" WHERE "orderId" = $1 AND rule = 'tracking.invalid'`, [orderId]);
    expect(flags.rowCount).toBe(0);
    const audit = await sql.query(`SELECT before, after FROM "AuditLog" WHERE "entityId" = $1 AND action = 'order.tracking.fix'`, [orderId]);
    expect(audit.rows[0]?.after).toMatchObject({ trackingNumber: "1Z999AA10123456784" });
  });

  test("bulk paste shows each line's problem before saving", async ({ tenant, sql, page }) => {
    await tenant.signIn("ops");
    const { rows } = await sql.query<{ externalId: string }>(
      `SELECT o."externalId" FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId"
       WHERE u.email = '${tenant.users.ops}' AND o.channel = 'TIKTOK_SHOP' AND o.status = 'AWAITING_SHIPMENT' AND o."trackingNumber" IS NULL ORDER BY o."externalId" LIMIT 1`,
    );
    const target = rows[0]?.externalId as string;
    await page.goto("/risk");
    await page.getByText("Bulk paste tracking numbers").click();
    await page
      .getByLabel("Lines to check")
      .fill([`${target}, USPS, 9400111899223100000000`, "576800000000000000, UPS, 1Z999AA10123456784", `${target}, UPS, 1Z999AA10123456785`].join("\n"));
    await page.getByRole("button", { name: "Check lines" }).click();
    const preview = page.getByTestId("paste-preview");
    await expect(preview.getByTestId("paste-line")).toHaveCount(3);
    await expect(preview).toContainText("Unknown order 576800000000000000");
    await expect(preview).toContainText("check digit is wrong");
    await shoot(page, "risk-bulk-preview");
    await page.getByRole("button", { name: "Save 1 valid line" }).click();
    await expect(page.getByText("Saved 1 line")).toBeVisible();
    const saved = await sql.query(
      `SELECT o."trackingNumber" FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId" WHERE u.email = '${tenant.users.ops}' AND o."externalId" = $1`,
      [target],
    );
    expect(saved.rows[0]?.trackingNumber).toBe("9400111899223100000000");
  });

  test("GET /api/risk answers 400 for a bad rule", async ({ signIn, page }) => {
    await signIn("ops");
    const response = await page.request.get("/api/risk?rule=nope");
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/rule/);
  });
});
