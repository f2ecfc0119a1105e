import { expect, shoot, test } from "./fixtures";

// Every screen, signed in as the owner, at the project's width (desktop and 390 px phone): it
// renders its heading without an error boundary, and nothing scrolls sideways on a phone.
const SCREENS = [
  ["/", "Overview"],
  ["/risk", "Risk queue"],
  ["/digest", "Daily digest"],
  ["/orders", "Orders"],
  ["/returns", "Returns"],
  ["/stores", "Stores"],
  ["/suppliers", "Suppliers"],
  ["/listings", null],
  ["/creators", null],
  ["/compliance", null],
  ["/import", null],
  ["/policy", "Policy calendar"],
  ["/settings/policy", "Policy settings"],
  ["/settings", "Settings"],
  ["/sharing", "Supplier share links"],
  ["/users", "Users"],
  ["/audit", "Audit log"],
  ["/alerts", "Alerts"],
  ["/alerts/settings", "Alert settings"],
  ["/account", "Account"],
] as const;

for (const [path, heading] of SCREENS) {
  test(`screen ${path}`, async ({ signIn, page }) => {
    await signIn("owner");
    await page.goto(path);
    const h1 = page.getByRole("heading", { level: 1 }).first();
    await expect(h1).toBeVisible();
    if (heading) await expect(h1).toHaveText(heading);
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (test.info().project.name === "phone") expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
    await shoot(page, `screen${path === "/" ? "-overview" : path.replaceAll("/", "-")}`);
  });
}
