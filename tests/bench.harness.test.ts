import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";

// The benchmark harness at a tiny N, so it cannot rot: every figure of `npm run bench` is
// printed, numeric, and the HTTP figures were measured without errors. The targets themselves
// are checked by the real benchmark (docs/benchmarks.md), not here.

type Figure = { name: string; value: number; unit: string; errors?: number; requests?: number };

// Stopped (with its whole process tree) before the test's own timeout, so a run that hangs
// fails with what it printed instead of a bare "timed out".
function runBench(args: string[], script: string, deadlineMs: number): Promise<{ code: number; figures: Figure[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", script, ...args], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, detached: true });
    let stdout = "";
    let stderr = "";
    const deadline = setTimeout(() => {
      stderr += `\n[test] still running after ${deadlineMs / 1000} s: stopped`;
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }, deadlineMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(deadline);
      const figures = stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Figure);
      resolve({ code: code ?? 1, figures, stderr });
    });
  });
}

describe("npm run bench", () => {
  it("prints every figure at a tiny N", async () => {
    const { code, figures, stderr } = await runBench(
      ["--orders", "300", "--stores", "4", "--quick", "--port", process.env.BENCH_HARNESS_PORT ?? "3299"],
      "scripts/bench/run.ts",
      840_000,
    );
    expect(code, stderr.slice(-2000)).toBe(0);
    const byName = new Map(figures.map((f) => [f.name, f]));
    for (const name of [
      "import_lines_per_s",
      "copy_lines_per_s",
      "reevaluate_open_orders_s",
      "alerts_pass_s",
      "overview_cold_ms",
      "stores_cold_ms",
      "exposure_cold_ms",
      "floor_p95_ms",
      "overview_p95_ms",
      "risk_queue_p95_ms",
      "orders_list_p95_ms",
      "first_load_js_kb",
      "rss_mb",
    ]) {
      const figure = byName.get(name);
      expect(figure, name).toBeDefined();
      expect(Number.isFinite(figure?.value), name).toBe(true);
    }
    for (const name of ["overview_cold_ms", "stores_cold_ms", "exposure_cold_ms"]) {
      expect(byName.get(name)?.errors, name).toBe(0);
      expect(byName.get(name)?.value, name).toBeGreaterThan(0);
    }
    for (const name of ["floor_p95_ms", "overview_p95_ms", "risk_queue_p95_ms", "orders_list_p95_ms"]) {
      expect(byName.get(name)?.errors, name).toBe(0);
      expect(byName.get(name)?.requests, name).toBeGreaterThan(0);
    }
    expect(byName.get("first_load_js_kb")?.value).toBeGreaterThan(10);
    expect(byName.get("rss_mb")?.value).toBeGreaterThan(20);
  }, 900_000);
});

// The queue benchmark needs a PostgreSQL server (the queue refuses the embedded one, see
// tests/queue.int.test.ts); CI runs against one.
describe.skipIf(isEmbeddedUrl(inject("databaseUrl")))("npm run bench:queue", () => {
  it("drains the same imports with one and two workers and prints both rounds", async () => {
    const { code, figures, stderr } = await runBench(["--jobs", "2", "--lines", "200"], "scripts/bench/queue.ts", 240_000);
    expect(code, stderr.slice(-2000)).toBe(0);
    expect(figures.map((f) => [f.name, (f as Figure & { workers?: number }).workers])).toEqual([
      ["queue_import_lines_per_s", 1],
      ["queue_import_lines_per_s", 2],
    ]);
    for (const f of figures) expect(f.value).toBeGreaterThan(0);
  }, 300_000);
});
