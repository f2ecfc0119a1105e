import { expect, shoot, test } from "./fixtures";

test("ops refuses a change-of-mind return only after choosing a justification", async ({ tenant, sql, page }) => {
  await tenant.signIn("ops");
  await page.goto("/returns");
  await expect(page.getByRole("heading", { name: "Returns" })).toBeVisible();
  await expect(page.getByTestId("return-item").first()).toBeVisible();
  await shoot(page, "returns");

  await page.goto("/returns?status=PENDING&reason=CHANGE_OF_MIND");
  // A request still inside its review window (one past it was auto-approved: "Missed").
  const row = page
    .locator('[data-testid="return-item"][data-channel="TIKTOK_SHOP"]')
    .filter({ has: page.getByTestId("return-due").filter({ hasText: / left$| left[^a-z]/ }) })
    .first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId("return-due")).toContainText(/\d (min|h|d)( \d+ h)? left/);
  const returnId = ((await row.getAttribute("id")) as string).replace("return-", "");

  await row.getByRole("button", { name: "Decide" }).click();
  const form = row.getByRole("form", { name: "Decide this return" });
  await form.getByLabel("Refuse the return").check();
  await form.getByRole("button", { name: "Save decision" }).click();
  await expect(form.getByRole("alert")).toContainText("Choose why you refuse this return");

  // "Other" is not a legitimate reason to refuse a change of mind.
  await form.getByLabel("Justification").selectOption("OTHER");
  await form.getByLabel(/Note/).fill("Buyer changed their mind twice");
  await form.getByRole("button", { name: "Save decision" }).click();
  await expect(form.getByRole("alert")).toContainText("does not justify refusing a change-of-mind return");
  await shoot(page, "returns-refuse-error");
  const still = await sql.query(`SELECT status FROM "ReturnRequest" WHERE id = $1`, [returnId]);
  expect(still.rows[0]?.status).toBe("PENDING");

  await form.getByLabel("Justification").selectOption("ITEM_USED_OR_DAMAGED");
  await form.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByTestId("returns-notice")).toContainText("Return refused");
  await expect(page.locator(`#return-${returnId}`)).toHaveCount(0); // no longer pending

  const saved = await sql.query(`SELECT status, "refusalJustification" FROM "ReturnRequest" WHERE id = $1`, [returnId]);
  expect(saved.rows[0]).toEqual({ status: "REFUSED", refusalJustification: "ITEM_USED_OR_DAMAGED" });
  const audit = await sql.query(`SELECT action FROM "AuditLog" WHERE "entityId" = $1`, [returnId]);
  expect(audit.rows.map((r) => r.action)).toEqual(["return.refuse"]);

  // The decided return left the risk queue's response clock.
  const risk = await page.request.get("/api/risk?rule=returns.response_due");
  const body = (await risk.json()) as { items: { subjectId: string }[] };
  expect(body.items.some((i) => i.subjectId === returnId)).toBe(false);
});

test("a supplier cannot open the returns", async ({ signIn, page }) => {
  await signIn("supplier");
  await page.goto("/returns");
  await expect(page).toHaveURL(/denied=1/);
});
