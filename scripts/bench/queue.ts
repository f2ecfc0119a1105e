// `npm run bench:queue -- [--jobs 8] [--lines 25000] [--max-workers 2]`: the import queue
// (lib/jobs/queue.ts) drained by 1, then 2, … worker processes (`scripts/worker.ts`). Each round
// imports the same jobs — one generated Shopify export per job, each into its own new store —
// and is timed from enqueueing to the last job finished, with the workers already waiting.
// Prints one JSON line per round: {"name":"queue_import_lines_per_s","value",…,"workers"}.
// Needs DATABASE_URL (a PostgreSQL server). See docs/scaling.md.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createPrismaClient } from "../../lib/database/client";
import { openDatabase } from "../../lib/database/runtime";
import { generateShopifyExport } from "../../lib/bench/shopify-export";
import { IMPORT_QUEUE, enqueueImports, startQueue, unfinishedJobs } from "../../lib/jobs/queue";
import { intOption } from "./args";
import { getSettings } from "@/lib/env";

const jobs = intOption("jobs", 8);
const lines = intOption("lines", 25_000);
const maxWorkers = intOption("max-workers", 2);
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL: the queue benchmark needs a PostgreSQL server");
  process.exit(2);
}
// Applies the migrations, as every entry point does.
const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite-bench") });
const databaseUrl = database.url;
const log = (line: string) => console.error(`[bench:queue] ${line}`);
const ORG = "Queue benchmark";

function startWorker(): Promise<ChildProcess> {
  const child = spawn("npx", ["tsx", "scripts/worker.ts"], { env: process.env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("taking jobs")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code} before taking jobs`)));
  });
}

const prisma = createPrismaClient(databaseUrl, 2);
const boss = await startQueue(databaseUrl);
const dir = mkdtempSync(path.join(tmpdir(), "bench-queue-"));
const workers: ChildProcess[] = [];
// The workers run in process groups of their own: stopped with this run, never left behind.
process.on("SIGTERM", () => {
  for (const w of workers) if (w.pid) process.kill(-w.pid, "SIGTERM");
  process.exit(143);
});
try {
  const file = path.join(dir, "shopify-export.csv");
  const out = createWriteStream(file);
  await generateShopifyExport(lines, out, { seed: 7 });
  out.end();
  await finished(out);

  await prisma.organization.deleteMany({ where: { name: ORG } });
  const org = await prisma.organization.create({ data: { name: ORG } });
  for (let count = 1; count <= maxWorkers; count++) {
    while (workers.length < count) workers.push(await startWorker());
    const stores = await Promise.all(
      Array.from({ length: jobs }, (_, i) =>
        prisma.store.create({
          data: {
            organizationId: org.id,
            name: `Queue ${count}w #${i + 1}`,
            channel: "BRAND_SITE",
            market: "US",
            timeZone: "America/New_York",
            currency: "USD",
            joinedOn: new Date("2024-01-01"),
          },
        }),
      ),
    );
    const started = performance.now();
    const ids = await enqueueImports(
      boss,
      stores.map((s) => ({ organizationId: org.id, storeId: s.id, path: file })),
    );
    // A failed import waits a minute for its retry: report it rather than time a retry.
    while ((await unfinishedJobs(boss, ids)) > 0) {
      const failed = (await Promise.all(ids.map((id) => boss.getJobById(IMPORT_QUEUE, id)))).filter((job) => job?.state === "retry" || job?.state === "failed");
      if (failed.length > 0) throw new Error(`import job ${failed[0]?.id} failed: ${JSON.stringify(failed[0]?.output)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const imported = await prisma.orderLine.count({ where: { order: { storeId: { in: stores.map((s) => s.id) } } } });
    if (imported !== jobs * lines) throw new Error(`expected ${jobs * lines} imported lines, found ${imported}`);
    log(`${count} worker(s): ${jobs} jobs of ${lines} lines in ${seconds.toFixed(1)} s`);
    console.log(
      JSON.stringify({
        name: "queue_import_lines_per_s",
        value: Math.round((jobs * lines) / seconds),
        unit: "lines/s",
        workers: count,
        jobs,
        lines: jobs * lines,
        seconds: Math.round(seconds * 10) / 10,
      }),
    );
  }
  await prisma.organization.delete({ where: { id: org.id } });
} finally {
  for (const w of workers) if (w.pid) process.kill(-w.pid, "SIGTERM");
  await boss.stop({ graceful: false, wait: false });
  await prisma.$disconnect();
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
}
