import { expect, shoot, test } from "./fixtures";

test.describe("the daily digest", () => {
  test("ops sees today's work summed up as the queue counts it, and takes it away as text", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/");
    await page.getByRole("link", { name: "Digest" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Daily digest" })).toBeVisible();

    const risk = (await (await page.request.get("/api/risk")).json()) as { total: number };
    const open = page.locator('[data-total="Open flags"]');
    await expect(open).toHaveText(risk.total.toLocaleString("en-US"));
    await expect(page.getByTestId("digest-urgent").getByRole("listitem")).toHaveCount(Math.min(20, risk.total));
    await expect(page.getByTestId("digest-text")).toContainText("Open the queue:");
    await shoot(page, "digest");

    const download = await page.request.get("/api/digest?format=text");
    expect(download.headers()["content-type"]).toContain("text/plain");
    expect(await download.text()).toContain(`${risk.total.toLocaleString("en-US")} open flags`);
  });

  test("a supplier is sent back to the overview", async ({ signIn, page }) => {
    await signIn("supplier");
    await page.goto("/digest");
    await expect(page).toHaveURL(/denied=1/);
  });
});
