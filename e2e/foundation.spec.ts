import { USERS, expect, shoot, test } from "./fixtures";

test.describe("sign-in and the overview", () => {
  test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  for (const who of ["owner", "ops", "supplier"] as const) {
    test(`${who} signs in with the form and lands on the overview`, async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("E-mail").fill(USERS[who]);
      await page.getByLabel("Password").fill("demo-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      await expect(page.getByTestId("signed-in-user").first()).toContainText(USERS[who]);
      if (who === "supplier") await expect(page.getByTestId("revenue")).toHaveCount(0);
      await shoot(page, `overview-${who}`);
    });
  }

  test("a wrong password is refused", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(USERS.ops);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("the overview shows the database's figures, and another organisation sees only its own", async ({ signIn, sql, page }) => {
    const countsFor = async (email: string) => {
      const { rows } = await sql.query<{ channel: string; orders: number }>(
        `SELECT o.channel, count(*)::int AS orders FROM "Order" o JOIN "User" u ON u."organizationId" = o."organizationId"
         WHERE u.email = $1 AND o."placedAt" >= now() - interval '30 days' AND o.status <> 'CANCELLED' GROUP BY o.channel`,
        [email],
      );
      return Object.fromEntries(rows.map((r) => [r.channel, r.orders]));
    };

    await signIn("owner");
    await page.goto("/");
    const demo = await countsFor(USERS.owner);
    await expect(page.getByTestId("channel-TIKTOK_SHOP").getByTestId("orders")).toHaveText(new Intl.NumberFormat("en-US").format(demo.TIKTOK_SHOP ?? 0));
    await expect(page.getByTestId("channel-BRAND_SITE").getByTestId("orders")).toHaveText(new Intl.NumberFormat("en-US").format(demo.BRAND_SITE ?? 0));

    await page.context().clearCookies();
    await signIn("other");
    await page.goto("/");
    const other = await countsFor(USERS.other);
    expect(other.TIKTOK_SHOP).toBeGreaterThan(0);
    expect(other.TIKTOK_SHOP).not.toBe(demo.TIKTOK_SHOP);
    await expect(page.getByTestId("channel-TIKTOK_SHOP").getByTestId("orders")).toHaveText(new Intl.NumberFormat("en-US").format(other.TIKTOK_SHOP ?? 0));
    await expect(page.getByTestId("channel-BRAND_SITE").getByTestId("orders")).toHaveText("0");
    await shoot(page, "overview-other-org");
  });
});
