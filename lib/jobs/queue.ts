import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/database/client";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { importOrderFile } from "@/lib/ingest/import-file";
import { reevaluateOrganizations } from "./reevaluate";

// The job queue for work that should not run inside a web request (docs/scaling.md, section 4):
// pg-boss keeps its jobs in the same PostgreSQL (schema "pgboss") and hands each to one worker
// with SKIP LOCKED, so any number of worker processes (`npm run worker`) drain one queue.
// Imports are idempotent upserts in independent batches, so a job that dies is simply retried.

export const IMPORT_QUEUE = "import-file";
/** Hourly re-evaluation of every organisation (lib/jobs/reevaluate.ts). */
export const REEVALUATE_QUEUE = "reevaluate";
/** Five past every hour (UTC): deadlines are whole local days, so an hour is the finest step that matters. */
export const REEVALUATE_CRON = "5 * * * *";

/** A file already on storage the workers can read (a local path here; object storage past one machine). */
export type ImportJobData = { organizationId: string; storeId: string; path: string };

export async function startQueue(databaseUrl: string): Promise<PgBoss> {
  if (isEmbeddedUrl(databaseUrl)) {
    // PGlite is one session: concurrent workers' transactions and locks would share it.
    throw new Error("The job queue needs a PostgreSQL server: set DATABASE_URL (the embedded database is one session).");
  }
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: "seller-dashboard-worker" });
  boss.on("error", (error: unknown) => console.error("[queue]", error));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE);
  await boss.createQueue(REEVALUATE_QUEUE);
  return boss;
}

/** Enqueues one job per file; returns their ids (for the progress screen or a status check). */
export async function enqueueImports(boss: PgBoss, jobs: ImportJobData[]): Promise<string[]> {
  const ids = jobs.map(() => randomUUID());
  // Retried three times a minute apart: a re-run of an import completes it (lib/ingest/upsert.ts).
  await boss.insert(jobs.map((data, i) => ({ id: ids[i], name: IMPORT_QUEUE, data, retryLimit: 3, retryDelay: 60 })));
  return ids;
}

/** Jobs of the queue not yet finished (queued, waiting for a retry, or running). */
export function pendingJobs(boss: PgBoss, queue = IMPORT_QUEUE): Promise<number> {
  return boss.getQueueSize(queue, { before: "completed" });
}

/** Takes import jobs one at a time until the process stops. */
export async function workImports(boss: PgBoss, db: Db, log: (line: string) => void = console.log): Promise<string> {
  return boss.work<ImportJobData>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const { organizationId, storeId, path } = job.data;
    const started = performance.now();
    const summary = await importOrderFile(db, { organizationId, storeId, stream: createReadStream(path) });
    log(JSON.stringify({ job: job.id, storeId, orders: summary.orders, lines: summary.lines, errors: summary.errorCount, seconds: Math.round(performance.now() - started) / 1000 }));
  });
}

/**
 * Re-evaluation on the clock: pg-boss's scheduler (in whichever worker holds its lock) sends one
 * job per cron slot, however many workers run; a job without an organisation covers them all.
 */
export async function scheduleReevaluation(boss: PgBoss, cron = REEVALUATE_CRON): Promise<void> {
  await boss.schedule(REEVALUATE_QUEUE, cron, {}, { tz: "UTC", retryLimit: 2, retryDelay: 300 });
}

export async function workReevaluation(boss: PgBoss, db: Db, log: (line: string) => void = console.log): Promise<string> {
  return boss.work<{ organizationId?: string }>(REEVALUATE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const started = performance.now();
    const results = await reevaluateOrganizations(db, new Date(), job.data.organizationId);
    log(JSON.stringify({ job: job.id, reevaluated: results.map(({ organization, orders, flags }) => ({ organization, orders, flags })), seconds: Math.round(performance.now() - started) / 1000 }));
  });
}
