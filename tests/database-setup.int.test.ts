import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { openBulkConnection } from "@/lib/ingest/upsert";

// Set-up mistakes are errors, not quietly slower or emptier behaviour.

describe("bulk import connection", () => {
  it("a database that cannot be reached is an error, not a silent fall back to the slow path", async () => {
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere", 1);
    await expect(openBulkConnection(unreachable)).rejects.toThrow();
    await unreachable.$disconnect();
  });

  it.skipIf(isEmbeddedUrl(inject("databaseUrl")))("on a real server it opens a COPY connection", async () => {
    const db = createPrismaClient(inject("databaseUrl"), 1);
    const bulk = await openBulkConnection(db);
    expect(bulk).not.toBeNull();
    await bulk?.close();
    await db.$disconnect();
  });
});

describe("migrations", () => {
  it("are found from the project, whatever the working directory", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-cwd-"));
    const script = path.join(dir, "count.mts");
    writeFileSync(
      script,
      `import { readMigrationList } from ${JSON.stringify(path.resolve("lib/database/schema-engine.ts"))};\nconsole.log((await readMigrationList()).migrationDirectories.length);\n`,
    );
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), [script], { cwd: dir, encoding: "utf8" });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe("");
    expect(Number(run.stdout.trim())).toBeGreaterThan(5);
  });
});
