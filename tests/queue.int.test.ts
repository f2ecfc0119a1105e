import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type PgBoss from "pg-boss";
import { afterAll, describe, expect, inject, it } from "vitest";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { generateShopifyExport } from "@/lib/bench/shopify-export";
import {
  IMPORT_QUEUE,
  REEVALUATE_CRON,
  REEVALUATE_QUEUE,
  enqueueImports,
  unfinishedJobs,
  scheduleReevaluation,
  startQueue,
  workImports,
  workReevaluation,
} from "@/lib/jobs/queue";
import { testDb } from "./db";

// The import queue (lib/jobs/queue.ts, docs/scaling.md): jobs enqueued are imported by a worker,
// each exactly once, and a job that fails is retried rather than lost. It needs a PostgreSQL
// server; on the embedded database it refuses with a reason instead of corrupting the session.

const url = inject("databaseUrl");
const prisma = testDb();
const dir = mkdtempSync(path.join(tmpdir(), "queue-test-"));
let boss: PgBoss | undefined;

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await prisma.organization.deleteMany({ where: { name: "Queue test" } });
  rmSync(dir, { recursive: true, force: true });
});

async function exportFile(lines: number): Promise<string> {
  const file = path.join(dir, `export-${lines}.csv`);
  const out = createWriteStream(file);
  await generateShopifyExport(lines, out, { seed: 3 });
  out.end();
  await finished(out);
  return file;
}

describe.runIf(isEmbeddedUrl(url))("import queue on the embedded database", () => {
  it("refuses to start and says what it needs", async () => {
    await expect(startQueue(url)).rejects.toThrow(/needs a PostgreSQL server: set DATABASE_URL/);
  });
});

describe.skipIf(isEmbeddedUrl(url))("import queue", () => {
  it("imports every enqueued file once, into its own store", async () => {
    boss = await startQueue(url);
    const org = await prisma.organization.create({ data: { name: "Queue test" } });
    const stores = await Promise.all(
      [1, 2, 3].map((i) =>
        prisma.store.create({
          data: {
            organizationId: org.id,
            name: `Queue store ${i}`,
            channel: "BRAND_SITE",
            market: "US",
            timeZone: "America/New_York",
            currency: "USD",
            joinedOn: new Date("2024-01-01"),
          },
        }),
      ),
    );
    const file = await exportFile(300);
    const done: string[] = [];
    await workImports(boss, prisma, (line) => done.push(line));
    const ids = await enqueueImports(
      boss,
      stores.map((s) => ({ organizationId: org.id, storeId: s.id, path: file })),
    );
    const states = () => Promise.all(ids.map(async (id) => (await boss?.getJobById(IMPORT_QUEUE, id))?.state));
    await expect.poll(states, { timeout: 30_000, interval: 100 }).toEqual(["completed", "completed", "completed"]);
    expect(done).toHaveLength(3);
    for (const store of stores) {
      expect(await prisma.orderLine.count({ where: { order: { storeId: store.id } } })).toBe(300);
    }
  });

  it("keeps a failed job for a retry instead of losing it", async () => {
    if (!boss) throw new Error("the queue did not start");
    const org = await prisma.organization.findFirstOrThrow({ where: { name: "Queue test" } });
    const store = await prisma.store.findFirstOrThrow({ where: { organizationId: org.id } });
    const [id] = await enqueueImports(boss, [{ organizationId: org.id, storeId: store.id, path: path.join(dir, "missing.csv") }]);
    // The file is missing: the worker's attempt fails and the job waits for its retry a minute later.
    await expect.poll(async () => (await boss?.getJobById(IMPORT_QUEUE, id as string))?.state, { timeout: 10_000, interval: 100 }).toBe("retry");
    // Still counted as work to do.
    expect(await unfinishedJobs(boss, [id as string])).toBe(1);
    // Gone when the test ends: a retry a minute later would be a later test's (or a benchmark's) job.
    await boss.deleteJob(IMPORT_QUEUE, id as string);
  });

  it("re-evaluates on the hour: the schedule is registered and a job refreshes an organisation's deadlines", async () => {
    if (!boss) throw new Error("the queue did not start");
    await scheduleReevaluation(boss);
    expect((await boss.getSchedules()).find((x) => x.name === REEVALUATE_QUEUE)?.cron).toBe(REEVALUATE_CRON);

    const org = await prisma.organization.findFirstOrThrow({ where: { name: "Queue test" } });
    const store = await prisma.store.create({
      data: {
        organizationId: org.id,
        name: "Queue TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    });
    // An open order whose deadline was never worked out (as after a policy change).
    const order = await prisma.order.create({
      data: {
        organizationId: org.id,
        storeId: store.id,
        channel: "TIKTOK_SHOP",
        externalId: "583870900000099999",
        status: "AWAITING_SHIPMENT",
        placedAt: new Date(Date.now() - 3_600_000),
        currency: "USD",
        totalMinor: 1999,
      },
    });
    expect(order.dispatchDueAt).toBeNull();
    await workReevaluation(boss, prisma, () => undefined);
    const id = await boss.send(REEVALUATE_QUEUE, { organizationId: org.id });
    await expect.poll(async () => (await boss?.getJobById(REEVALUATE_QUEUE, id as string))?.state, { timeout: 20_000, interval: 100 }).toBe("completed");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).dispatchDueAt).not.toBeNull();
  });
});
