import { pipeline, Transform, type Readable } from "node:stream";
import type { Db } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import type { IngestFormat } from "./detect-format";
import { MAX_STORED_ERRORS } from "./limits";
import { parseOrderFile } from "./parse-order-file";
import type { NormalizedOrder } from "./types";
import { type BulkConnection, openBulkConnection, UPSERT_BATCH_SIZE, upsertOrders, type UpsertStore } from "./upsert";

export type ImportError = { line: number; message: string };

export type ImportSummary = {
  orders: number;
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_STORED_ERRORS row errors in file order; `errorCount` counts them all. */
  errors: ImportError[];
  errorCount: number;
};

export type ImportProgress = Omit<ImportSummary, "errors" | "errorCount"> & {
  bytesRead: number;
  bytesTotal: number | null;
  /** Highest file line handed over by the parser so far. */
  linesRead: number;
  errorCount: number;
};

export type ImportFileOptions = {
  storeId: string;
  organizationId: string;
  stream: Readable;
  format?: IngestFormat;
  bytesTotal?: number;
  /** Called after each committed batch (and at the end); throwing from it stops the import. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** ImportJob to keep up to date (throttled) and to close as DONE or FAILED. */
  jobId?: string;
  batchSize?: number;
  now?: Date;
  /** Orders written (created + updated) from which the import refreshes the planner's statistics; default ANALYZE_AFTER_ORDERS. */
  analyzeAfterOrders?: number;
};

/**
 * A large import refreshes the statistics of the tables it wrote at once: autovacuum analyzes
 * only after 10 % of a table changed, so 40,000 new orders in a million-order table left the
 * planner with stale row estimates and the orders list's p95 rose fourfold until it caught up.
 */
export const ANALYZE_AFTER_ORDERS = 5_000;

/** Errors kept in memory and on the ImportJob row: a broken 500 MB file must not become a 500 MB JSON cell. */
export { MAX_STORED_ERRORS };
const JOB_UPDATE_INTERVAL_MS = 300;

/**
 * Streams a file into the store: parse → batches of orders → upsert. Each batch commits on its own,
 * so a stopped import keeps what it wrote, and a re-run completes it (the upsert is idempotent).
 * The next batch is parsed while the previous one is being written. A file that cannot be used at
 * all throws IngestFormatError (nothing is written); row errors are collected with their line.
 */
export async function importOrderFile(db: Db, options: ImportFileOptions): Promise<ImportSummary> {
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  // pipeline so an early stop destroys the source and a source error reaches the parser. Set up
  // before the first await: a source that fails at once (a file that cannot be opened) would
  // otherwise emit its error with no listener and take the process down.
  pipeline(options.stream, counter, () => undefined);

  const store = await db.store.findFirst({
    where: { id: options.storeId, organizationId: options.organizationId },
    select: { id: true, organizationId: true, market: true, timeZone: true, currency: true },
  });
  if (!store) {
    counter.destroy();
    throw new AppError("NOT_FOUND", "Store not found.");
  }
  const target: UpsertStore = { id: store.id, organizationId: store.organizationId, market: store.market };
  const batchSize = options.batchSize ?? UPSERT_BATCH_SIZE;
  const now = options.now ?? new Date();

  const summary: ImportSummary = { orders: 0, lines: 0, created: 0, updated: 0, unchanged: 0, errors: [], errorCount: 0 };
  let linesRead = 0;
  let lastJobUpdate = 0;
  const progress = (): ImportProgress => ({
    orders: summary.orders,
    lines: summary.lines,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    bytesRead,
    bytesTotal: options.bytesTotal ?? null,
    linesRead,
    errorCount: summary.errorCount,
  });
  const report = async (final: boolean): Promise<void> => {
    if (options.jobId && (final || Date.now() - lastJobUpdate >= JOB_UPDATE_INTERVAL_MS)) {
      lastJobUpdate = Date.now();
      await writeJobProgress(db, options.jobId, store.organizationId, progress(), final ? summary.errors : null);
    }
    await options.onProgress?.(progress());
  };

  // Committed counts only: `orders`/`lines` move when their batch is written.
  let inFlight: Promise<void> | null = null;
  const write = async (batch: NormalizedOrder[]): Promise<void> => {
    if (inFlight) await inFlight;
    const lines = batch.reduce((n, o) => n + o.lines.length, 0);
    const p = upsertOrders(db, target, batch, now, { bulk }).then(async (r) => {
      summary.orders += batch.length;
      summary.lines += lines;
      summary.created += r.created;
      summary.updated += r.updated;
      summary.unchanged += r.unchanged;
      await report(false);
    });
    // Awaited before the next batch or at the end; this only stops an "unhandled" warning meanwhile.
    p.catch(() => undefined);
    inFlight = p;
  };

  // One COPY connection for the whole file (null: every batch takes the upsert path).
  let bulk: BulkConnection | null = null;
  try {
    bulk = await openBulkConnection(db);
    let batch: NormalizedOrder[] = [];
    for await (const item of parseOrderFile(counter, { format: options.format, timeZone: store.timeZone, currency: store.currency })) {
      linesRead = Math.max(linesRead, item.line);
      if (item.kind === "error") {
        summary.errorCount++;
        if (summary.errors.length < MAX_STORED_ERRORS) summary.errors.push({ line: item.line, message: item.message });
        continue;
      }
      batch.push(item.order);
      if (batch.length >= batchSize) {
        await write(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await write(batch);
    if (inFlight) await inFlight;
    inFlight = null;
    await report(true);
    if (summary.created + summary.updated >= (options.analyzeAfterOrders ?? ANALYZE_AFTER_ORDERS)) {
      await db.$executeRawUnsafe(`ANALYZE "Order", "OrderLine", "OrderDaily", "OrderCount", "RiskFlag"`);
    }
    if (options.jobId) await finishJob(db, options.jobId, store.organizationId, "DONE", null);
    return summary;
  } catch (error) {
    counter.destroy();
    if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
    if (options.jobId) {
      await writeJobProgress(db, options.jobId, store.organizationId, progress(), summary.errors);
      await finishJob(db, options.jobId, store.organizationId, "FAILED", error instanceof Error ? error.message : String(error));
    }
    throw error;
  } finally {
    await bulk?.close();
  }
}

/** `errors` only at the end: rewriting a growing JSON cell every few hundred ms would cost more than the import. */
async function writeJobProgress(db: Db, jobId: string, organizationId: string, p: ImportProgress, errors: ImportError[] | null): Promise<void> {
  await db.importJob.updateMany({
    where: { id: jobId, organizationId },
    data: {
      bytesRead: BigInt(p.bytesRead),
      ...(p.bytesTotal !== null ? { bytesTotal: BigInt(p.bytesTotal) } : {}),
      linesRead: p.linesRead,
      errorCount: p.errorCount,
      orders: p.orders,
      created: p.created,
      updated: p.updated,
      unchanged: p.unchanged,
      ...(errors ? { errors: errors.slice(0, MAX_STORED_ERRORS) } : {}),
    },
  });
}

async function finishJob(db: Db, jobId: string, organizationId: string, status: "DONE" | "FAILED", message: string | null): Promise<void> {
  await db.importJob.updateMany({ where: { id: jobId, organizationId }, data: { status, message, finishedAt: new Date() } });
}
