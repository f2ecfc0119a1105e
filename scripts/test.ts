// `npm test`: unit and integration tests (Vitest), then the Playwright suite against the
// production server. Works on the embedded database by default and on DATABASE_URL when set.
// Ends with one summary line, "tests: N passed, N failed", across all three.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const out = ".data/test-reports";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
mkdirSync("e2e/.artifacts", { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

type VitestReport = { numPassedTests: number; numFailedTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number } };
const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
};

const vitestRun = (projects: string[], report: string) =>
  run("npx", ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${out}/${report}`]);

/**
 * The browser suite's server gets a database of its own, as on the embedded default (a fresh
 * .data/e2e): the integration tests leave their data in DATABASE_URL (the demo seeded at their
 * pinned clock among it), and the demo the browser specs read must be seeded live, at the start.
 */
async function withBrowserDatabase<T>(body: (env: Record<string, string>) => T): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) return body({});
  const target = new URL(url);
  const name = `${target.pathname.slice(1) || "postgres"}_e2e`.slice(0, 63);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoted}`);
  target.pathname = `/${name}`;
  try {
    return body({ DATABASE_URL: target.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

const codes = [
  vitestRun(["unit", "integration"], "vitest.json"),
  await withBrowserDatabase((env) =>
    run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json`, ...env }),
  ),
  // The benchmark harness at a tiny N; it reuses the production build the e2e suite made.
  vitestRun(["harness"], "harness.json"),
];

const vitestReports = ["vitest.json", "harness.json"].map((f) => readJson<VitestReport>(`${out}/${f}`));
const p = readJson<PlaywrightReport>(`${out}/playwright.json`);
const passed = vitestReports.reduce((n, v) => n + (v?.numPassedTests ?? 0), 0) + (p ? p.stats.expected + p.stats.flaky : 0);
const failed = vitestReports.reduce((n, v) => n + (v ? v.numFailedTests : 1), 0) + (p ? p.stats.unexpected : 1);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(codes.some((c) => c !== 0) || failed > 0 ? 1 : 0);
