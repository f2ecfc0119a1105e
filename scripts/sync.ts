// CLI contract (issue 16), for both channels:
//   npm run -s sync -- --store "<name>" [--org "<org name>"] [--since <ISO-8601>]
// Pulls the store's orders from its API (Shopify Admin GraphQL or TikTok Shop Partner API) into
// DATABASE_URL (or the embedded default) and prints ONE JSON line:
//   {"orders":N,"created":N,"updated":N,"unchanged":N,"errors":[{"order":"…","message":"…"}]}
// No connection, refused credentials, an unknown store or bad arguments → one line on stderr, exit 2.
import path from "node:path";
import { SyncRefusedError, syncStore } from "../lib/channels/sync";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import { findCliStore, parseOptions } from "./lib/cli-store";

const USAGE = 'usage: sync --store "<name>" [--org "<org name>"] [--since <ISO-8601>]';

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2), ["store", "org", "since"]);
  if ("error" in parsed || parsed.positional.length > 0 || !parsed.options.get("store")) {
    const reason = "error" in parsed ? parsed.error : parsed.positional.length > 0 ? `unexpected argument "${parsed.positional[0]}"` : "--store is required";
    console.error(`sync: ${reason}\n${USAGE}`);
    return 2;
  }
  const sinceText = parsed.options.get("since");
  const since = sinceText === undefined ? undefined : new Date(sinceText);
  if (since && (Number.isNaN(since.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(sinceText ?? ""))) {
    console.error(`sync: --since "${sinceText}" is not an ISO-8601 date or instant`);
    return 2;
  }

  // stdout carries exactly one JSON line: anything the database layer logs goes to stderr.
  const log = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite") });
  const prisma = createPrismaClient(database.url, 4);
  try {
    const found = await findCliStore(prisma, parsed.options.get("store") as string, parsed.options.get("org") ?? null);
    if (!found.ok) {
      console.error(`sync: ${found.message}`);
      return 2;
    }
    try {
      const r = await syncStore(prisma, { storeId: found.store.id, organizationId: found.store.organizationId }, new Date(), { since });
      log(JSON.stringify({ orders: r.orders, created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors }));
      return 0;
    } catch (error) {
      if (error instanceof SyncRefusedError) {
        console.error(`sync: ${found.store.name}: ${error.message}`);
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
    console.error(`sync: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
