import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/database/client";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { SyncRefusedError, connectedStores, syncStore } from "@/lib/channels/sync";
import { importOrderFile } from "@/lib/ingest/import-file";
import { alertConfigFromEnv } from "@/lib/alerts/config";
import { runAlertPass } from "@/lib/alerts/pass";
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

/** API sync of one store (Shopify or TikTok Shop); "stately": at most one queued and one running per store. */
export const STORE_SYNC_QUEUE = "store-sync";
/** The clock that fans out one store-sync job per connected store. */
export const STORE_SYNC_SCHEDULE_QUEUE = "store-sync-schedule";
/** Every five minutes: orders a few minutes old at most, a few API calls per store per slot. */
export const STORE_SYNC_CRON = "*/5 * * * *";

export type StoreSyncJobData = { storeId: string; organizationId: string };
/** The alert pass (lib/alerts/pass.ts), every minute: lead times are hours, quiet hours end on the minute. */
export const ALERTS_QUEUE = "alerts";
export const ALERTS_CRON = "* * * * *";

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
  await boss.createQueue(STORE_SYNC_SCHEDULE_QUEUE);
  await boss.createQueue(STORE_SYNC_QUEUE, { name: STORE_SYNC_QUEUE, policy: "stately" });
  // One pass at a time however many workers run: a job of this queue is held by one worker, and
  // a cron slot is sent once. A pass that would overlap the next slot is skipped by the policy.
  await boss.createQueue(ALERTS_QUEUE, { name: ALERTS_QUEUE, policy: "singleton" });
  return boss;
}

/** Enqueues one job per file; returns their ids (for the progress screen or a status check). */
export async function enqueueImports(boss: PgBoss, jobs: ImportJobData[]): Promise<string[]> {
  const ids = jobs.map(() => randomUUID());
  // Retried three times a minute apart: a re-run of an import completes it (lib/ingest/upsert.ts).
  await boss.insert(jobs.map((data, i) => ({ id: ids[i], name: IMPORT_QUEUE, data, retryLimit: 3, retryDelay: 60 })));
  return ids;
}

/**
 * How many of these jobs are not yet finished (queued, waiting for a retry, or running). Counted
 * by id, not over the whole queue: another caller's job waiting a minute for its retry is not
 * this caller's work (the queue benchmark waited minutes on a failed import a test had left).
 */
export async function unfinishedJobs(boss: PgBoss, ids: string[], queue = IMPORT_QUEUE): Promise<number> {
  const states = await Promise.all(ids.map(async (id) => (await boss.getJobById(queue, id))?.state));
  return states.filter((state) => state === "created" || state === "retry" || state === "active").length;
}

/** Takes import jobs one at a time until the process stops. */
export async function workImports(boss: PgBoss, db: Db, log: (line: string) => void = console.log): Promise<string> {
  return boss.work<ImportJobData>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const { organizationId, storeId, path } = job.data;
    const started = performance.now();
    const summary = await importOrderFile(db, { organizationId, storeId, stream: createReadStream(path) });
    log(
      JSON.stringify({
        job: job.id,
        storeId,
        orders: summary.orders,
        lines: summary.lines,
        errors: summary.errorCount,
        seconds: Math.round(performance.now() - started) / 1000,
      }),
    );
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
    log(
      JSON.stringify({
        job: job.id,
        reevaluated: results.map(({ organization, orders, flags }) => ({ organization, orders, flags })),
        seconds: Math.round(performance.now() - started) / 1000,
      }),
    );
  });
}

export async function scheduleStoreSyncs(boss: PgBoss, cron = STORE_SYNC_CRON): Promise<void> {
  await boss.schedule(STORE_SYNC_SCHEDULE_QUEUE, cron, {}, { tz: "UTC", retryLimit: 0 });
}

/** One job per connected store, keyed by the store: a store whose sync is still queued gets no second one. */
export async function enqueueStoreSyncs(boss: PgBoss, db: Db): Promise<number> {
  const stores = await connectedStores(db);
  for (const s of stores) {
    await boss.send(STORE_SYNC_QUEUE, { storeId: s.id, organizationId: s.organizationId } satisfies StoreSyncJobData, {
      singletonKey: s.id,
      retryLimit: 2,
      retryDelay: 60,
      retryBackoff: true,
    });
  }
  return stores.length;
}

/**
 * The scheduled sync: the cron slot fans out per store, each store's sync runs on its own (the
 * lease in lib/channels/sync.ts keeps it to one at a time even beside a "Sync now"). A refusal
 * (credentials, a sync already running) is logged and not retried: it would be refused again.
 */
export async function workStoreSyncs(boss: PgBoss, db: Db, log: (line: string) => void = console.log): Promise<void> {
  await boss.work(STORE_SYNC_SCHEDULE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    log(JSON.stringify({ storeSyncsQueued: await enqueueStoreSyncs(boss, db) }));
  });
  await boss.work<StoreSyncJobData>(STORE_SYNC_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const started = performance.now();
    try {
      const r = await syncStore(db, job.data, new Date());
      log(
        JSON.stringify({
          job: job.id,
          storeId: job.data.storeId,
          orders: r.orders,
          created: r.created,
          updated: r.updated,
          errors: r.errors.length,
          seconds: Math.round(performance.now() - started) / 1000,
        }),
      );
    } catch (error) {
      if (error instanceof SyncRefusedError) {
        log(JSON.stringify({ job: job.id, storeId: job.data.storeId, refused: error.message }));
        return;
      }
      throw error;
    }
  });
}

export async function scheduleAlerts(boss: PgBoss, cron = ALERTS_CRON): Promise<void> {
  // No retry: the next minute's pass picks up whatever this one did not finish.
  await boss.schedule(ALERTS_QUEUE, cron, {}, { tz: "UTC", retryLimit: 0, expireInSeconds: 300 });
}

export async function workAlerts(boss: PgBoss, db: Db, log: (line: string) => void = console.log): Promise<string> {
  const config = alertConfigFromEnv();
  return boss.work(ALERTS_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const started = performance.now();
    const result = await runAlertPass(db, new Date(), config);
    if (result.attempts.length)
      log(
        JSON.stringify({ job: job.id, sent: result.sent, held: result.held, failed: result.failed, seconds: Math.round(performance.now() - started) / 1000 }),
      );
  });
}
