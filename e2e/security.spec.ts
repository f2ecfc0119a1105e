import { DEMO_PASSWORD, USERS, expect, test } from "./fixtures";

// In a real browser: the nonce CSP lets the app's own scripts run and blocks an injected one, and
// a hostile callbackUrl after sign-in lands on the overview of this app.
test.describe("closed to the outside", () => {
  test("every script of a page carries this response's nonce, and injected inline code does not run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const countViolations = () => violations.length;
    const response = await page.goto("/login");
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The sign-in form is hydrated: the app's scripts ran under the policy.
    await page.getByLabel("E-mail").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    expect(violations).toEqual([]);
    const before = countViolations();

    // What an HTML injection (a stored name rendered as markup) would bring: an inline handler.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.__injected = true" onload="window.__injected = true">');
    });
    // The browser reports the refusal; by then the handler would have run.
    await expect.poll(countViolations).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  for (const hostile of ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example/"]) {
    test(`signing in with callbackUrl=${hostile} stays on this app`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${hostile}`);
      await page.getByLabel("E-mail").fill(USERS.ops);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
    });
  }
});
