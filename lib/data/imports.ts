import "server-only";
import { db } from "@/lib/db";
import type { ImportError } from "@/lib/ingest/import-file";
import type { DataScope } from "./scope";

export type ImportStoreOption = { id: string; name: string; channel: "TIKTOK_SHOP" | "BRAND_SITE"; market: "US" | "UK" };

/** Stores an import can target: the organisation's own (suppliers never reach imports). */
export async function listImportStores(scope: DataScope): Promise<ImportStoreOption[]> {
  return db.store.findMany({
    where: { organizationId: scope.organizationId, archivedAt: null },
    select: { id: true, name: true, channel: true, market: true },
    orderBy: { name: "asc" },
  });
}

export type ImportJobView = {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  fileName: string;
  format: string;
  storeName: string;
  bytesTotal: number;
  bytesRead: number;
  linesRead: number;
  orders: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** The first errors only; the full report is the CSV download. */
  errors: ImportError[];
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
};

const ERRORS_SHOWN = 200;

export async function getImportJob(scope: DataScope, id: string): Promise<ImportJobView | null> {
  const job = await db.importJob.findFirst({ where: { id, organizationId: scope.organizationId }, include: { store: { select: { name: true } } } });
  if (!job) return null;
  const errors = (Array.isArray(job.errors) ? job.errors : []) as ImportError[];
  return {
    id: job.id,
    status: job.status,
    fileName: job.fileName,
    format: job.format,
    storeName: job.store.name,
    bytesTotal: Math.max(0, Number(job.bytesTotal)),
    bytesRead: Number(job.bytesRead),
    linesRead: job.linesRead,
    orders: job.orders,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    errorCount: Math.max(job.errorCount, errors.length),
    errors: errors.slice(0, ERRORS_SHOWN),
    message: job.message,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function getImportJobErrors(scope: DataScope, id: string): Promise<{ fileName: string; errors: ImportError[]; errorCount: number } | null> {
  const job = await db.importJob.findFirst({ where: { id, organizationId: scope.organizationId }, select: { fileName: true, errors: true, errorCount: true } });
  if (!job) return null;
  const errors = (Array.isArray(job.errors) ? job.errors : []) as ImportError[];
  return { fileName: job.fileName, errors, errorCount: Math.max(job.errorCount, errors.length) };
}
