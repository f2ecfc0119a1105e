// Stopping cleanly: SIGTERM to `npm start` stops the whole process tree — before, `next-server`
// was left running as an orphan. Needs a production build, so it runs in the harness project
// (after the Playwright suite, which builds). The server runs on the test database with SKIP_BUILD.
import { execFileSync, spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";

// Its own port (SIGTERM_HARNESS_PORT), so two test runs on one machine do not meet.
const PORT = Number(process.env.SIGTERM_HARNESS_PORT ?? 3297);

/** Every descendant of `pid`, from `ps` (Linux). */
function descendants(pid: number): number[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of rows)
      if (parent === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe("npm start", () => {
  it("stops its whole process tree on SIGTERM", async () => {
    const child = spawn("npm", ["start"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), PORT: String(PORT), SKIP_BUILD: "1" },
      stdio: "ignore",
    });
    const up = await waitFor(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok === true, 120_000);
    expect(up, "the server came up").toBe(true);
    const tree = descendants(child.pid as number);
    expect(tree.length).toBeGreaterThan(1);
    process.kill(child.pid as number, "SIGTERM");
    const gone = await waitFor(() => ![child.pid as number, ...tree].some(alive), 20_000);
    expect([child.pid as number, ...tree].filter(alive), "processes left running").toEqual([]);
    expect(gone).toBe(true);
    expect(await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => "refused")).toBe("refused");
  });
});
