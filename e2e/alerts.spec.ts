import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures";

// Alerts end to end: the owner sets up a Slack channel and a rule, an alert pass runs (the CLI,
// against the server's database, without SMTP_URL), and the screens show what happened: stored
// e-mails, a channel Slack refused, the e-mail as rendered, the order's timeline, the signed links.

function runPass(baseURL: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NEXTAUTH_URL: baseURL, SMTP_URL: "", ALLOW_CUSTOM_API_URLS: "1", DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e" };
    execFile("npx", ["tsx", "--conditions=react-server", "scripts/alerts.ts", "run"], { env }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr || String(error))) : resolve(stdout),
    );
  });
}

async function atBothWidths(page: Page, name: string) {
  await shoot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/.artifacts/${name}-phone-width.png`, fullPage: true });
  // The first screen as a phone shows it (a long page's full shot is too small to read).
  await page.screenshot({ path: `e2e/.artifacts/${name}-phone-width-top.png` });
  if (size) await page.setViewportSize(size);
}

// On a PostgreSQL server the test runs a pass with the CLI; on the embedded database (one
// session, held by the server) the server's own in-process scheduler runs them
// (ALERTS_INTERVAL_SECONDS in playwright.config.ts) and the test waits for its results.
const embedded = !process.env.DATABASE_URL;

test.describe("alerts", () => {
  test("owner sets up Slack and a rule; a pass stores e-mails, Slack's 404 marks the channel broken; the screens show it", async ({
    signIn,
    page,
    sql,
    baseURL,
  }) => {
    const slack = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(404, { "content-type": "text/plain" }).end("no_service"));
    });
    await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", () => resolve()));
    const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/revoked`;
    try {
      await signIn("owner");
      await page.goto("/alerts/settings");
      await expect(page.getByTestId("lead-times")).toContainText("24 h, 12 h, 4 h before the deadline");
      await expect(page.getByTestId("alert-rule")).toHaveCount(2);

      const add = page.getByRole("form", { name: "Add channel" });
      await add.getByLabel("Name").fill("#ops-alerts");
      await add.getByLabel("Slack incoming-webhook URL").fill("hooks.slack.com/not-a-url");
      await add.getByRole("button", { name: "Add channel" }).click();
      await expect(add.getByText("Enter the full Slack webhook URL, starting with https://")).toBeVisible();
      await add.getByLabel("Slack incoming-webhook URL").fill(slackUrl);
      await add.getByRole("button", { name: "Add channel" }).click();
      await expect(add.getByText("Channel added.")).toBeVisible();
      await page.reload();
      const channel = page.getByTestId("alert-channel").filter({ hasText: "#ops-alerts" });
      await expect(channel).toContainText("(URL hidden)");
      expect(await page.content()).not.toContain("/services/T0/B0/revoked");

      await page.getByText("Add a rule").click();
      const rule = page.getByRole("form", { name: "Add rule" });
      await rule.getByLabel("Name").fill("Critical to Slack");
      await rule.getByLabel("Warning", { exact: true }).uncheck();
      await rule.getByLabel("#ops-alerts (Slack)").check();
      await rule.getByLabel("Hours before a dispatch deadline").fill("24, 0");
      await rule.getByRole("button", { name: "Add rule" }).click();
      await expect(rule.getByText("Whole hours from 1 to 168")).toBeVisible();
      await rule.getByLabel("Hours before a dispatch deadline").fill("");
      await rule.getByRole("button", { name: "Add rule" }).click();
      await expect(rule.getByText("Rule added")).toBeVisible();

      if (embedded) {
        const failedSlack = async () =>
          (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AlertDelivery" WHERE channel = 'SLACK' AND status = 'FAILED'`)).rows[0]?.n ?? 0;
        await expect.poll(failedSlack, { timeout: 45_000 }).toBeGreaterThan(0);
      } else {
        const output = await runPass(baseURL as string);
        const lines = output
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines.at(-1)).toEqual({ sent: 0, held: expect.any(Number), failed: expect.any(Number) });
        expect(lines.filter((l) => l.channel === "slack").every((l) => l.status === "failed" && l.reason === "Slack answered 404: no_service")).toBe(true);
        const stored = lines.filter((l) => l.channel === "email" && l.status === "held");
        expect(
          stored.some((l) => l.to === "ops@demo.test" && l.reason === "SMTP_URL is not set: stored, not sent"),
          `stored e-mails of this pass: ${JSON.stringify(stored.slice(0, 10))} (of ${lines.length} lines)`,
        ).toBe(true);
      }

      await page.goto("/alerts");
      await expect(page.getByTestId("smtp-missing")).toContainText("E-mail is not set up: alert e-mails are stored here, not sent.");
      await expect(page.getByTestId("broken-channels")).toContainText("#ops-alerts: Slack answered 404: no_service");
      await expect(page.getByTestId("delivery-row").first()).toBeVisible();
      await atBothWidths(page, "alerts");

      await page.goto("/alerts/settings");
      await expect(page.getByTestId("alert-channel").filter({ hasText: "#ops-alerts" })).toContainText("broken");
      await atBothWidths(page, "alerts-settings");

      // An e-mail as rendered.
      const { rows } = await sql.query<{ id: string; orderId: string; text: string }>(
        `SELECT id, "orderId", text FROM "AlertDelivery" WHERE "to" = 'ops@demo.test' AND rule = 'fulfillment.dispatch_deadline' ORDER BY severity DESC, "createdAt" LIMIT 1`,
      );
      const stored = rows[0];
      expect(stored).toBeDefined();
      await page.goto(`/alerts/${stored?.id}`);
      const frame = page.frameLocator('[data-testid="email-frame"]');
      await expect(frame.getByRole("heading", { level: 1 })).toContainText("must be in transit by");
      await expect(frame.getByRole("link", { name: "Acknowledge" })).toBeVisible();
      await atBothWidths(page, "alert-email");

      // The order's timeline names who was alerted.
      await page.goto(`/orders/${stored?.orderId}`);
      await expect(page.getByTestId("order-timeline")).toContainText("Alert stored for ops@demo.test (e-mail not set up)");

      // The acknowledge link, in a browser without a session: tampered → a clear page; real → acknowledged.
      const ack = stored?.text.match(/\/links\/ack\/([A-Za-z0-9_.-]+)/)?.[1] ?? "";
      const stranger = await page.context().browser()?.newContext();
      const visitor = await stranger!.newPage();
      const [body = "", sig = ""] = ack.split(".");
      await visitor.goto(`${baseURL}/links/ack/${body.slice(0, -2)}xx.${sig}`);
      await expect(visitor.getByTestId(/^ack-(tampered|malformed)$/)).toContainText("nothing was done");
      await visitor.goto(`${baseURL}/links/unsubscribe/${ack}`);
      await expect(visitor.getByTestId("unsubscribe-wrong-purpose")).toBeVisible();
      await visitor.goto(`${baseURL}/links/ack/${ack}`);
      await expect(visitor.getByTestId("ack-confirm")).toBeVisible();
      await visitor.getByRole("button", { name: "Acknowledge" }).click();
      await expect(visitor.getByTestId("ack-done")).toContainText("Acknowledged");
      await visitor.screenshot({ path: "e2e/.artifacts/alert-ack.png", fullPage: true });
      await stranger!.close();
    } finally {
      await new Promise((resolve) => slack.close(resolve));
    }
  });

  test("ops sets quiet hours in their own zone on /account; a half-filled window is a field error", async ({ signIn, page }) => {
    await signIn("ops");
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Alert preferences" });
    await form.getByLabel("Your time zone").fill("Europe/London");
    await form.getByLabel("Quiet hours from").fill("22:00");
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(form.getByText("Set both the start and the end, or neither")).toBeVisible();
    await form.getByLabel("until").fill("07:00");
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(form.getByLabel("Your time zone")).toHaveValue("Europe/London");
    await expect(form.getByLabel("until")).toHaveValue("07:00");
    await atBothWidths(page, "account");
  });
});
