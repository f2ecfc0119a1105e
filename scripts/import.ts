// CLI contract (issue 4):
//   npm run -s import -- --store "<store name>" [--org "<org name>"] [--format tiktok-csv|tiktok-xlsx|shopify-csv] <file>
// Imports into DATABASE_URL (or the embedded default) and prints ONE JSON line:
//   {"orders":N,"lines":N,"created":N,"updated":N,"unchanged":N,"errors":[{"line":N,"message":"…"}]}
// A file or store it cannot use at all → the reason on stderr, exit 2. Row errors are in `errors`.
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import type { IngestFormat } from "../lib/ingest/detect-format";
import { IngestFormatError } from "../lib/ingest/errors";
import { importOrderFile } from "../lib/ingest/import-file";
import { getSettings } from "@/lib/env";
import { parseOptions, UsageError } from "./lib/cli";

const FORMATS: readonly IngestFormat[] = ["tiktok-csv", "tiktok-xlsx", "shopify-csv"];
const USAGE = 'usage: import --store "<store name>" [--org "<org name>"] [--format tiktok-csv|tiktok-xlsx|shopify-csv] <file>';

type Args = { store: string; org: string | null; format: IngestFormat | undefined; file: string };

export function parseImportArgs(argv: readonly string[]): Args {
  const { options, positional } = parseOptions(argv, ["store", "org", "format"]);
  const store = options.get("store");
  if (!store) throw new UsageError("--store is required");
  const format = options.get("format");
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${format}")`);
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "a file to import is required" : "exactly one file");
  return { store, org: options.get("org") ?? null, format: format as IngestFormat | undefined, file: positional[0] as string };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`import: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  let size: number;
  try {
    const stat = statSync(args.file);
    if (!stat.isFile()) throw new Error("not a file");
    size = stat.size;
  } catch {
    console.error(`import: cannot read file ${args.file}`);
    return 2;
  }

  // stdout carries exactly one JSON line: anything the database layer logs goes to stderr.
  const log = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
  const prisma = createPrismaClient(database.url, 4);
  try {
    const stores = await prisma.store.findMany({
      where: { name: args.store, ...(args.org ? { organization: { name: args.org } } : {}) },
      select: { id: true, organizationId: true, organization: { select: { name: true } } },
    });
    if (stores.length === 0) {
      console.error(`import: unknown store "${args.store}"${args.org ? ` in organisation "${args.org}"` : ""}`);
      return 2;
    }
    if (stores.length > 1) {
      const orgs = stores.map((s) => `"${s.organization.name}"`).join(", ");
      console.error(`import: store name "${args.store}" exists in several organisations (${orgs}): pass --org "<org name>"`);
      return 2;
    }
    const store = stores[0] as (typeof stores)[number];
    try {
      const summary = await importOrderFile(prisma, {
        storeId: store.id,
        organizationId: store.organizationId,
        stream: createReadStream(args.file),
        format: args.format,
        bytesTotal: size,
      });
      // The output's keys are a contract; the count of errors past the kept ones goes to stderr.
      const { errorCount, ...printed } = summary;
      log(JSON.stringify(printed));
      if (errorCount > summary.errors.length) console.error(`import: ${errorCount} row errors, the first ${summary.errors.length} listed`);
      return 0;
    } catch (error) {
      if (error instanceof IngestFormatError) {
        console.error(`import: ${args.file}: ${error.message}`);
        return 2;
      }
      throw error;
    }
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
