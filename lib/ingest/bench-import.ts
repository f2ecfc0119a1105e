// Import benchmark hook for `npm run bench`: `benchImport(db, { lines })`, or standalone
// `npx tsx lib/ingest/bench-import.ts [lines]` (DATABASE_URL or the embedded default).
//
// Baseline: pg-copy-streams is not installed, so "raw COPY" is the closest thing without it — the
// same file's raw CSV records (14 columns as text) loaded into an UNLOGGED scratch table with
// multi-row INSERT … SELECT FROM unnest() in chunks of 5,000. It includes reading the CSV, so
// the ratio compares like with like (file → rows in the database). With `databaseUrl` the baseline
// uses its own `pg` connection, the import path goes through Prisma as the app does.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { Db } from "@/lib/database/client";
import { cleanCell, indexHeader, readCsvRecords } from "./csv-records";
import { generateShopifyExport } from "./generate-shopify-export";
import { importOrderFile } from "./import-file";

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
  copyMethod: "multi-row INSERT (pg-copy-streams not installed)";
};

const RAW_COLUMNS = [
  "Name", "Email", "Financial Status", "Fulfillment Status", "Currency", "Total", "Created at", "Lineitem quantity",
  "Lineitem name", "Lineitem price", "Lineitem sku", "Shipping Name", "Shipping Zip", "Id",
] as const;
const RAW_CHUNK = 5_000;

export type BenchImportOptions = {
  lines: number;
  seed?: number;
  /** Import into a fresh store of this organisation (removed afterwards); default: a fresh organisation. */
  organizationId?: string;
  /** When given, the raw baseline talks to PostgreSQL through `pg` directly (no Prisma in the way). */
  databaseUrl?: string;
};

export async function benchImport(db: Db, options: BenchImportOptions): Promise<BenchImportResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(dir, "shopify-export.csv");
  const stamp = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const org = options.organizationId ? { id: options.organizationId } : await db.organization.create({ data: { name: `Bench import ${stamp}` } });
  let storeId: string | null = null;
  const scratch = `bench_raw_${stamp.replace(/\W/g, "_")}`;
  try {
    const out = createWriteStream(file);
    await generateShopifyExport(options.lines, out, { seed: options.seed ?? 42 });
    out.end();
    await finished(out);
    const bytes = statSync(file).size;
    const store = await db.store.create({
      data: { organizationId: org.id, name: `Bench import ${stamp}`, channel: "BRAND_SITE", market: "US", timeZone: "America/New_York", currency: "USD", joinedOn: new Date("2024-01-01") },
    });

    storeId = store.id;
    let started = process.hrtime.bigint();
    const summary = await importOrderFile(db, { storeId: store.id, organizationId: org.id, stream: createReadStream(file), bytesTotal: bytes });
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (summary.errors.length > 0) throw new Error(`bench import: ${summary.errors.length} row errors, first: ${JSON.stringify(summary.errors[0])}`);

    await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE "${scratch}" (${RAW_COLUMNS.map((_, i) => `c${i} text`).join(", ")})`);
    const insert = await rawInserter(db, options.databaseUrl);
    started = process.hrtime.bigint();
    const rawRows = await loadRaw(insert.run, scratch, file).finally(insert.close);
    const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (rawRows !== summary.lines) throw new Error(`bench: raw load saw ${rawRows} rows, import ${summary.lines} lines`);

    return {
      lines: summary.lines,
      orders: summary.orders,
      bytes,
      importSeconds: round(importSeconds),
      copySeconds: round(copySeconds),
      importLinesPerS: Math.round(summary.lines / importSeconds),
      copyLinesPerS: Math.round(rawRows / copySeconds),
      ratio: round(importSeconds / copySeconds),
      copyMethod: "multi-row INSERT (pg-copy-streams not installed)",
    };
  } finally {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${scratch}"`);
    // Cascades to the store, its orders, lines and flags.
    if (!options.organizationId) await db.organization.delete({ where: { id: org.id } });
    else if (storeId) await db.store.delete({ where: { id: storeId } });
    rmSync(dir, { recursive: true, force: true });
  }
}

type RawInsert = (sql: string, params: string[][]) => Promise<unknown>;

async function rawInserter(db: Db, databaseUrl: string | undefined): Promise<{ run: RawInsert; close: () => Promise<void> }> {
  if (!databaseUrl) return { run: (sql, params) => db.$executeRawUnsafe(sql, ...params), close: async () => undefined };
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return { run: (sql, params) => client.query(sql, params), close: () => client.end() };
}

async function loadRaw(insert: RawInsert, table: string, file: string): Promise<number> {
  const records = readCsvRecords(createReadStream(file));
  const head = await records.next();
  if (head.done) return 0;
  const index = indexHeader(head.value.cells);
  const positions = RAW_COLUMNS.map((c) => index.find([c]));
  let columns: string[][] = RAW_COLUMNS.map(() => []);
  let rows = 0;
  const flush = async () => {
    if (columns[0]?.length === 0) return;
    const params = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
    await insert(`INSERT INTO "${table}" SELECT * FROM unnest(${params})`, columns);
    columns = RAW_COLUMNS.map(() => []);
  };
  for await (const r of records) {
    positions.forEach((p, i) => (columns[i] as string[]).push(p < 0 ? "" : cleanCell(r.cells[p])));
    rows++;
    if (rows % RAW_CHUNK === 0) await flush();
  }
  await flush();
  return rows;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[1]?.endsWith("bench-import.ts")) {
  const lines = Number(process.argv[2] ?? 100_000);
  const { openDatabase } = await import("@/lib/database/runtime");
  const { createPrismaClient } = await import("@/lib/database/client");
  const log = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite") });
  const prisma = createPrismaClient(database.url, 4);
  try {
    const r = await benchImport(prisma, { lines, databaseUrl: database.url });
    log(JSON.stringify({ bench: "shopify-import", database: database.mode, ...r }));
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
