import { defineConfig, devices } from "@playwright/test";
import { E2E_EMBEDDED_DB_PORT } from "./e2e/fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (Playwright cannot download its own here). The flags keep it from reaching
// for Google's services on a closed network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions: chromium },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 }, launchOptions: chromium },
      testIgnore: /.*\.phone\.spec\.ts/,
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium },
      testMatch: /.*\.phone\.spec\.ts|.*screens\.spec\.ts/,
    },
  ],
  webServer: {
    // The real production server on its own fresh embedded database (or DATABASE_URL in CI),
    // loaded with the demo data (E2E_SEED_DEMO=0: without, as a real seller starts).
    command: "tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ALLOW_CUSTOM_API_URLS: "1",
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      SEED_DEMO: process.env.E2E_SEED_DEMO ?? "1",
      OVERVIEW_CACHE_SECONDS: "0",
      FRESH_EMBEDDED_DB: "1",
      EMBEDDED_DB_PORT: String(E2E_EMBEDDED_DB_PORT),
      NEXTAUTH_URL: baseURL,
      ALERTS_INTERVAL_SECONDS: "10",
    },
  },
});
