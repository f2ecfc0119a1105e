// Import benchmark hook for `npm run bench`: `benchImport(db, { lines })`, or standalone
// `npx tsx lib/bench/import.ts [lines]` (DATABASE_URL or the embedded default).
//
// Baseline: PostgreSQL's own COPY of the same rows — the orders and lines this import wrote —
// into the real "Order" and "OrderLine" tables, as a second store of the same organisation (ids
// and store rewritten, one transaction). It pays the same mandatory database work as the import:
// every index, the foreign keys, and the statement-level triggers that keep the OrderCount and
// OrderDaily roll-ups exact (issue 20). That is the fastest the database can take exactly these
// rows in, with no parsing, mapping, upserting, routing or evaluation; import time / COPY time is
// the figure to hold (≤ 3).
//
// For reference the result also gives the earlier baseline — a COPY of the same rows into scratch
// tables LIKE "Order"/"OrderLine" (same columns and indexes, but no triggers and no foreign keys:
// `bareCopyLinesPerS`) — so the share of the roll-up triggers and the key checks can be read off,
// and a COPY of the raw export file into an all-text table (no indexes, no types).
//
// The embedded database takes no COPY FROM STDIN over the wire (lib/database/copy-support.ts):
// there both baselines are the server copying the same rows with INSERT … SELECT (no wire at all,
// so a lower bound on the time), and the raw-file figure is left out.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished, pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { Db } from "@/lib/database/client";
import { acceptsCopyFromStdin } from "@/lib/database/copy-support";
import { readCsvRecords } from "@/lib/ingest/csv-records";
import { importOrderFile } from "@/lib/ingest/import-file";
import { generateShopifyExport } from "./shopify-export";
import { getSettings } from "@/lib/env";

export type BenchImportResult = {
  lines: number;
  orders: number;
  bytes: number;
  importSeconds: number;
  copySeconds: number;
  importLinesPerS: number;
  copyLinesPerS: number;
  /** importSeconds / copySeconds: the target is ≤ 3. */
  ratio: number;
  copyMethod: typeof COPY_METHOD | typeof INSERT_SELECT_METHOD;
  /** The same rows into tables LIKE Order/OrderLine without triggers or foreign keys (the earlier baseline). */
  bareCopySeconds: number;
  bareCopyLinesPerS: number;
  /** Null on the embedded database. */
  rawFileCopyLinesPerS: number | null;
};

const COPY_METHOD = "COPY of the imported orders and lines into Order/OrderLine as a second store (triggers, foreign keys, indexes)";
const INSERT_SELECT_METHOD = "INSERT … SELECT of the imported orders and lines into Order/OrderLine as a second store (embedded database)";

export type BenchImportOptions = {
  lines: number;
  seed?: number;
  /** Import into a fresh store of this organisation (removed afterwards); default: a fresh organisation. */
  organizationId?: string;
  /** The database to COPY into (the same one `db` writes to). */
  databaseUrl: string;
};

export async function benchImport(db: Db, options: BenchImportOptions): Promise<BenchImportResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(dir, "shopify-export.csv");
  const stamp = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const org = options.organizationId ? { id: options.organizationId } : await db.organization.create({ data: { name: `Bench import ${stamp}` } });
  let storeId: string | null = null;
  let baselineStoreId: string | null = null;
  const scratch = `bench_raw_${stamp.replace(/\W/g, "_")}`;
  try {
    const out = createWriteStream(file);
    await generateShopifyExport(options.lines, out, { seed: options.seed ?? 42 });
    out.end();
    await finished(out);
    const bytes = statSync(file).size;
    const store = await db.store.create({ data: storeData(org.id, `Bench import ${stamp}`) });

    storeId = store.id;
    let started = process.hrtime.bigint();
    const summary = await importOrderFile(db, { storeId: store.id, organizationId: org.id, stream: createReadStream(file), bytesTotal: bytes });
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (summary.errors.length > 0) throw new Error(`bench import: ${summary.errors.length} row errors, first: ${JSON.stringify(summary.errors[0])}`);

    const viaCopy = await serverTakesCopy(options.databaseUrl);
    const bareCopySeconds = viaCopy
      ? await copyImportedRows(options.databaseUrl, store.id, scratch, dir, summary.lines)
      : await insertSelectImportedRows(db, store.id, scratch, summary.lines);
    const baseline = await db.store.create({
      data: { ...storeData(org.id, `Bench baseline ${stamp}`) },
      select: { id: true },
    });
    baselineStoreId = baseline.id;
    const copySeconds = viaCopy
      ? await copyIntoRealTables(options.databaseUrl, store.id, baseline.id, dir, summary.lines)
      : await insertSelectIntoRealTables(db, store.id, baseline.id, summary.lines);

    let rawFileCopyLinesPerS: number | null = null;
    if (viaCopy) {
      const columns = await headerColumnCount(file);
      await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE "${scratch}" (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(", ")})`);
      started = process.hrtime.bigint();
      const rawRows = await copyFile(options.databaseUrl, `COPY "${scratch}" FROM STDIN WITH (FORMAT csv, HEADER true)`, file);
      const rawSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (rawRows !== summary.lines) throw new Error(`bench: raw load saw ${rawRows} rows, import ${summary.lines} lines`);
      rawFileCopyLinesPerS = Math.round(rawRows / rawSeconds);
    }

    return {
      lines: summary.lines,
      orders: summary.orders,
      bytes,
      importSeconds: round(importSeconds),
      copySeconds: round(copySeconds),
      importLinesPerS: Math.round(summary.lines / importSeconds),
      copyLinesPerS: Math.round(summary.lines / copySeconds),
      ratio: round(importSeconds / copySeconds),
      copyMethod: viaCopy ? COPY_METHOD : INSERT_SELECT_METHOD,
      bareCopySeconds: round(bareCopySeconds),
      bareCopyLinesPerS: Math.round(summary.lines / bareCopySeconds),
      rawFileCopyLinesPerS,
    };
  } finally {
    for (const table of [scratch, `${scratch}_orders`, `${scratch}_lines`]) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
    // Cascades to the store, its orders, lines and flags.
    if (!options.organizationId) await db.organization.delete({ where: { id: org.id } });
    else for (const id of [storeId, baselineStoreId]) if (id) await db.store.delete({ where: { id } });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The import's store and the baseline's: a brand site in New York, as the generated export is. */
function storeData(organizationId: string, name: string) {
  return {
    organizationId,
    name,
    channel: "BRAND_SITE" as const,
    market: "US" as const,
    timeZone: "America/New_York",
    currency: "USD",
    joinedOn: new Date("2024-01-01"),
  };
}

/**
 * SELECT lists giving the imported store's orders and lines as rows of a second store, in the
 * tables' column order: ids suffixed (so no key collides with the originals), the store replaced.
 */
async function rewrittenRowsSql(
  query: (sql: string) => Promise<{ column_name: string }[]>,
  sourceStoreId: string,
  targetStoreId: string,
  literal: (v: string) => string,
): Promise<{ orders: string; lines: string }> {
  const columns = async (table: string) =>
    (
      await query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}' ORDER BY ordinal_position`,
      )
    ).map((r) => r.column_name);
  const orderCols = (await columns("Order")).map((c) => (c === "id" ? `o.id || ':b'` : c === "storeId" ? literal(targetStoreId) : `o."${c}"`));
  const lineCols = (await columns("OrderLine")).map((c) => (c === "id" ? `l.id || ':b'` : c === "orderId" ? `l."orderId" || ':b'` : `l."${c}"`));
  const store = literal(sourceStoreId);
  return {
    orders: `SELECT ${orderCols.join(", ")} FROM "Order" o WHERE o."storeId" = ${store}`,
    lines: `SELECT ${lineCols.join(", ")} FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."storeId" = ${store}`,
  };
}

/**
 * Seconds PostgreSQL takes to COPY the imported rows into the real tables as a second store, in
 * one transaction: the same indexes, foreign keys and roll-up triggers the import's COPY pays.
 */
async function copyIntoRealTables(databaseUrl: string, sourceStoreId: string, targetStoreId: string, dir: string, expectedLines: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const orders = path.join(dir, "orders-real.copy");
  const lines = path.join(dir, "lines-real.copy");
  try {
    const sql = await rewrittenRowsSql(
      async (q) => (await client.query<{ column_name: string }>(q)).rows,
      sourceStoreId,
      targetStoreId,
      (v) => client.escapeLiteral(v),
    );
    await pipeline(client.query(copyTo(`COPY (${sql.orders}) TO STDOUT`)), createWriteStream(orders));
    await pipeline(client.query(copyTo(`COPY (${sql.lines}) TO STDOUT`)), createWriteStream(lines));
    const started = process.hrtime.bigint();
    await client.query("BEGIN");
    await copyFileOn(client, `COPY "Order" FROM STDIN`, orders);
    const copiedLines = await copyFileOn(client, `COPY "OrderLine" FROM STDIN`, lines);
    await client.query("COMMIT");
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (copiedLines !== expectedLines) throw new Error(`bench: COPY saw ${copiedLines} lines, import ${expectedLines}`);
    return seconds;
  } finally {
    await client.end();
  }
}

/** The embedded baseline into the real tables: the server copies the rows as a second store (one transaction). */
async function insertSelectIntoRealTables(db: Db, sourceStoreId: string, targetStoreId: string, expectedLines: number): Promise<number> {
  const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const sql = await rewrittenRowsSql((q) => db.$queryRawUnsafe<{ column_name: string }[]>(q), sourceStoreId, targetStoreId, literal);
  const started = process.hrtime.bigint();
  const [, copiedLines] = await db.$transaction([
    db.$executeRawUnsafe(`INSERT INTO "Order" ${sql.orders}`),
    db.$executeRawUnsafe(`INSERT INTO "OrderLine" ${sql.lines}`),
  ]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (copiedLines !== expectedLines) throw new Error(`bench: INSERT … SELECT saw ${copiedLines} lines, import ${expectedLines}`);
  return seconds;
}

async function serverTakesCopy(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await acceptsCopyFromStdin(client);
  } finally {
    await client.end();
  }
}

/** The embedded baseline: the same rows copied inside the server into look-alike tables. */
async function insertSelectImportedRows(db: Db, storeId: string, scratch: string, expectedLines: number): Promise<number> {
  await db.$executeRawUnsafe(`CREATE TABLE "${scratch}_orders" (LIKE "Order" INCLUDING ALL)`);
  await db.$executeRawUnsafe(`CREATE TABLE "${scratch}_lines" (LIKE "OrderLine" INCLUDING ALL)`);
  const started = process.hrtime.bigint();
  await db.$executeRawUnsafe(`INSERT INTO "${scratch}_orders" SELECT * FROM "Order" WHERE "storeId" = $1`, storeId);
  const copiedLines = await db.$executeRawUnsafe(
    `INSERT INTO "${scratch}_lines" SELECT l.* FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."storeId" = $1`,
    storeId,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (copiedLines !== expectedLines) throw new Error(`bench: INSERT … SELECT saw ${copiedLines} lines, import ${expectedLines}`);
  return seconds;
}

async function headerColumnCount(file: string): Promise<number> {
  const records = readCsvRecords(createReadStream(file));
  const head = await records.next();
  await records.return(undefined);
  return head.done ? 0 : head.value.cells.length;
}

/** Streams a file into a `COPY … FROM STDIN` on a connection of its own; returns the number of rows PostgreSQL reports. */
async function copyFile(databaseUrl: string, sql: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await copyFileOn(client, sql, file);
  } finally {
    await client.end();
  }
}

async function copyFileOn(client: pg.Client, sql: string, file: string): Promise<number> {
  const copy = client.query(copyFrom(sql));
  await pipeline(createReadStream(file), copy);
  return Number(copy.rowCount ?? 0);
}

/** Seconds PostgreSQL takes to COPY the store's imported orders and lines into look-alike tables (no triggers, no foreign keys). */
async function copyImportedRows(databaseUrl: string, storeId: string, scratch: string, dir: string, expectedLines: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const orders = path.join(dir, "orders.copy");
  const lines = path.join(dir, "lines.copy");
  try {
    await client.query(`CREATE TABLE "${scratch}_orders" (LIKE "Order" INCLUDING ALL); CREATE TABLE "${scratch}_lines" (LIKE "OrderLine" INCLUDING ALL)`);
    const store = client.escapeLiteral(storeId);
    await pipeline(client.query(copyTo(`COPY (SELECT * FROM "Order" WHERE "storeId" = ${store}) TO STDOUT`)), createWriteStream(orders));
    await pipeline(
      client.query(copyTo(`COPY (SELECT l.* FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."storeId" = ${store}) TO STDOUT`)),
      createWriteStream(lines),
    );
  } finally {
    await client.end();
  }
  const started = process.hrtime.bigint();
  await copyFile(databaseUrl, `COPY "${scratch}_orders" FROM STDIN`, orders);
  const copiedLines = await copyFile(databaseUrl, `COPY "${scratch}_lines" FROM STDIN`, lines);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (copiedLines !== expectedLines) throw new Error(`bench: COPY saw ${copiedLines} lines, import ${expectedLines}`);
  return seconds;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[1]?.endsWith("lib/bench/import.ts")) {
  const lines = Number(process.argv[2] ?? 100_000);
  const { openDatabase } = await import("@/lib/database/runtime");
  const { createPrismaClient } = await import("@/lib/database/client");
  const log = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
  const prisma = createPrismaClient(database.url, 4);
  try {
    const r = await benchImport(prisma, { lines, databaseUrl: database.url });
    log(JSON.stringify({ bench: "shopify-import", database: database.mode, ...r }));
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
