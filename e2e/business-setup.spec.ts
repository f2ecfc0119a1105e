// Issue 17's acceptance in the browser: an organisation of one's own made with the setup CLI,
// its owner signing in, adding a TikTok store and a brand-site store, importing an export into
// each, adding two suppliers with SKU rules and a user each; each supplier user then sees exactly
// their SKUs' orders and the owner the unassigned rest, which they assign in bulk. Every new
// screen is also checked at phone width. The organisation is deleted at the end.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, serverDatabaseUrl, shoot, test } from "./fixtures";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, "../lib/ingest/fixtures", name);
const PASSWORD = "a-long-owner-password";

function setupCli(org: string, owner: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "scripts/setup.ts", "--org", org, "--owner", owner],
      { cwd: path.join(here, ".."), env: { ...process.env, DATABASE_URL: serverDatabaseUrl() } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(`${PASSWORD}\n`);
  });
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** The order numbers the desktop table shows, once the list has settled on them. */
async function expectOrders(page: Page, expected: readonly string[]) {
  const rows = page.getByTestId("orders-table").getByTestId("order-row");
  await expect.poll(async () => (await rows.locator("td a").allTextContents()).map((s) => s.trim()).sort()).toEqual([...expected].sort());
  await expect(page.getByTestId("orders-total")).toContainText(`${expected.length} order`);
}

/** At phone width the page must not scroll sideways. */
async function fitsPhone(page: Page, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts re-measure their container after a resize (ResizeObserver): wait for the layout to settle.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `${name} scrolls sideways at 390 px`,
      timeout: 10_000,
    })
    .toBeLessThanOrEqual(1);
  await shoot(page, `${name}-390`);
  if (size) await page.setViewportSize(size);
}

test("a seller sets up their own business: stores, imports, suppliers, routing", async ({ page, sql }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const org = `E2E Shop ${run}`;
  const owner = `owner-${run}@shop.test`;

  // On a database without any organisation (E2E_SEED_DEMO=0) the sign-in page says how to begin.
  const empty = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization"`)).rows[0]?.n === 0;
  if (empty) {
    await page.goto("/login");
    await expect(page.getByTestId("first-run")).toContainText("npm run -s setup -- --org");
    await shoot(page, "first-run-login");
    await fitsPhone(page, "first-run-login");
  }

  const made = await setupCli(org, owner);
  expect(made.code, made.stderr).toBe(0);
  const { organizationId } = JSON.parse(made.stdout) as { organizationId: string; ownerId: string };
  try {
    await signInWithForm(page, owner, PASSWORD);
    await expect(page.getByTestId("getting-started")).toContainText("Add your first store");
    await shoot(page, "setup-overview-empty");
    await fitsPhone(page, "setup-overview-empty");

    // Two stores through the owner's form; a bad zone is refused next to its field first.
    await page.getByRole("link", { name: "Add a store →" }).click();
    const addStore = page.getByRole("form", { name: "Add a store" });
    await addStore.getByLabel("Store name").fill("TikTok US");
    await addStore.getByLabel("Time zone (IANA)").fill("Mars/Olympus");
    await addStore.getByRole("button", { name: "Add store" }).click();
    await expect(addStore.getByText("Not a known IANA time zone", { exact: false })).toBeVisible();
    await addStore.getByLabel("Time zone (IANA)").fill("America/Los_Angeles");
    await addStore.getByRole("button", { name: "Add store" }).click();
    await expect(addStore.getByText("TikTok US added.")).toBeVisible();
    await addStore.getByLabel("Store name").fill("Brand site");
    await addStore.getByLabel("Channel").selectOption("BRAND_SITE");
    await addStore.getByLabel("Time zone (IANA)").fill("America/New_York");
    await addStore.getByRole("button", { name: "Add store" }).click();
    await expect(addStore.getByText("Brand site added.")).toBeVisible();
    await page.reload();
    const rows = page.locator('[data-testid^="store-row-"]');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("TikTok US");
    await expect(rows.nth(1)).toContainText("Brand site");
    await shoot(page, "setup-stores");
    await fitsPhone(page, "setup-stores");

    // An export into each.
    const stores = (await sql.query<{ id: string; name: string }>(`SELECT id, name FROM "Store" WHERE "organizationId" = $1`, [organizationId])).rows;
    const storeId = (name: string) => stores.find((s) => s.name === name)?.id as string;
    for (const [store, file] of [
      ["TikTok US", "tiktok-us.csv"],
      ["Brand site", "shopify-current.csv"],
    ] as const) {
      await page.goto("/import");
      await page.getByLabel("Store").selectOption(storeId(store));
      await page.getByLabel("Export file").setInputFiles(fixture(file));
      await page.getByRole("button", { name: "Import" }).click();
      await expect(page.getByText("Done.")).toBeVisible();
    }

    // Two suppliers and their SKUs.
    await page.goto("/suppliers");
    await expect(page.getByTestId("unassigned-open")).toContainText("open orders have no supplier");
    for (const [name, country] of [
      ["Sunrise", "US"],
      ["Harbour", "CN"],
    ] as const) {
      const add = page.getByRole("form", { name: "Add a supplier" });
      await add.getByLabel("Name").fill(name);
      await add.getByLabel("Ships from (country code)").fill(country);
      await add.getByRole("button", { name: "Add supplier" }).click();
      await expect(add.getByText(`${name} added.`, { exact: false })).toBeVisible();
      await page.reload();
    }
    for (const [sku, supplier] of [
      ["MUG-01", "Sunrise"],
      ["MUG", "Sunrise"],
      ["SOCK-3", "Harbour"],
      ["TEA", "Harbour"],
    ] as const) {
      const rule = page.getByRole("form", { name: "Route a SKU" });
      await rule.getByLabel("SKU").fill(sku);
      await rule.getByLabel("Shipped by").selectOption({ label: supplier });
      await rule.getByRole("button", { name: "Save SKU rule" }).click();
      await expect(rule.getByText(`${sku} → ${supplier}.`, { exact: false })).toBeVisible();
    }
    await page.reload();
    await expect(page.getByText("SKUs: MUG, MUG-01")).toBeVisible();
    await shoot(page, "setup-suppliers");
    await fitsPhone(page, "setup-suppliers");

    // A user for each supplier.
    const suppliers = (await sql.query<{ id: string; name: string }>(`SELECT id, name FROM "Supplier" WHERE "organizationId" = $1`, [organizationId])).rows;
    for (const s of suppliers) {
      await page.goto("/users");
      const add = page.getByRole("form", { name: "Add user" });
      await add.getByLabel("E-mail").fill(`${s.name.toLowerCase()}-${run}@supplier.test`);
      await add.getByLabel("Name").fill(s.name);
      await add.getByLabel("Role").selectOption("SUPPLIER");
      await add.getByLabel("Supplier").selectOption(s.id);
      await add.getByLabel("Initial password").fill("supplier-password");
      await add.getByRole("button", { name: "Add user" }).click();
      await expect(add.getByText("can sign in with the password you set", { exact: false })).toBeVisible();
    }

    // The owner's unassigned rest.
    await page.goto("/orders?supplier=unassigned");
    await expectOrders(page, ["#1001", "#1003", "583870900000000001", "583870900000000003"]);
    await shoot(page, "setup-orders-unassigned");
    await fitsPhone(page, "setup-orders-unassigned");

    // Each supplier sees exactly their SKUs' orders.
    for (const [name, expected] of [
      ["sunrise", ["#1002", "583870900000000002"]],
      ["harbour", ["#1004", "583870900000000004"]],
    ] as const) {
      await signInWithForm(page, `${name}-${run}@supplier.test`, "supplier-password");
      await page.goto("/orders");
      await expectOrders(page, expected);
      await shoot(page, `setup-orders-${name}`);
    }

    // Back as the owner: assign the unassigned open rest in bulk.
    await signInWithForm(page, owner, PASSWORD);
    // Those four have shipped or closed: counted, but not as orders nobody will ship.
    await expect(page.getByTestId("overview-unassigned")).toContainText("No open order lacks a supplier. 4 orders in all have none");
    await page.goto("/orders?supplier=unassigned");
    await page.getByRole("checkbox", { name: "Select order #1001" }).check();
    await page.getByRole("checkbox", { name: "Select order #1003" }).check();
    await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
    await page.getByLabel("Assign to").selectOption({ label: "Harbour" });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("2 orders assigned to Harbour.")).toBeVisible();
    await expectOrders(page, ["583870900000000001", "583870900000000003"]);
    await shoot(page, "setup-orders-bulk-assigned");
  } finally {
    await sql.query(`DELETE FROM "Organization" WHERE id = $1`, [organizationId]);
    await sql.query(`DELETE FROM "OrderCount" WHERE "organizationId" = $1`, [organizationId]);
  }
});

test("self-service sign-up: off by default in production; with ALLOW_SIGNUP=1 a visitor creates an organisation", async ({ page, sql }) => {
  const response = await page.goto("/signup");
  if (process.env.ALLOW_SIGNUP !== "1") {
    // `npm start` is production: without ALLOW_SIGNUP=1 there is no sign-up page, and no link to it.
    expect(response?.status()).toBe(404);
    await page.goto("/login");
    await expect(page.getByRole("link", { name: "Create your organisation" })).toHaveCount(0);
    return;
  }
  const email = `signup-${Date.now().toString(36)}@shop.test`;
  try {
    await page.getByLabel("Organisation name").fill("Signed Up Ltd");
    await page.getByLabel("Your e-mail").fill(email);
    await page.getByLabel("Password").fill("too-short");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    await fitsPhone(page, "signup-refused");
    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("getting-started")).toContainText("Add your first store");
    await shoot(page, "signup-overview");
  } finally {
    await sql.query(`DELETE FROM "Organization" WHERE id IN (SELECT "organizationId" FROM "User" WHERE email = $1)`, [email]);
  }
});

test("the demo owner is offered to remove the demo, and must confirm it", async ({ page, sql, signIn }) => {
  const demo = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization" WHERE "isDemo"`)).rows[0]?.n ?? 0;
  test.skip(demo === 0, "the web server was started without the demo data (E2E_SEED_DEMO=0)");
  await signIn("owner");
  await page.goto("/");
  const form = page.getByRole("form", { name: "Remove the demo data" });
  await form.getByLabel('Type "remove" to confirm').fill("yes");
  await form.getByRole("button", { name: "Remove the demo data" }).click();
  await expect(form.getByText('Type "remove" to confirm.', { exact: true })).toBeVisible();
  expect((await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization" WHERE "isDemo"`)).rows[0]?.n).toBe(demo);
  await form.scrollIntoViewIfNeeded();
  await shoot(page, "demo-remove-refused");
  await fitsPhone(page, "demo-overview");
});
