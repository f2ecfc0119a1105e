// CLI contract (issue 16), for both channels:
//   npm run -s sync -- --store "<name>" [--org "<org name>"] [--since <ISO-8601>]
// Pulls the store's orders from its API (Shopify Admin GraphQL or TikTok Shop Partner API) into
// DATABASE_URL (or the embedded default) and prints ONE JSON line:
//   {"orders":N,"created":N,"updated":N,"unchanged":N,"errors":[{"order":"…","message":"…"}]}
// No connection, refused credentials, an unknown store or bad arguments → one line on stderr, exit 2.
import { SyncRefusedError, syncStore } from "../lib/channels/sync";
import { findCliStore, parseOptions, runMain, UsageError, withDatabase } from "./lib/cli";

const USAGE = 'usage: sync --store "<name>" [--org "<org name>"] [--since <ISO-8601>]';

async function main(): Promise<number> {
  let options: Map<string, string>;
  try {
    const parsed = parseOptions(process.argv.slice(2), ["store", "org", "since"]);
    if (parsed.positional.length > 0) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
    if (!parsed.options.get("store")) throw new UsageError("--store is required");
    options = parsed.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`sync: ${error.message}\n${USAGE}`);
    return 2;
  }
  const sinceText = options.get("since");
  const since = sinceText === undefined ? undefined : new Date(sinceText);
  if (since && (Number.isNaN(since.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(sinceText ?? ""))) {
    console.error(`sync: --since "${sinceText}" is not an ISO-8601 date or instant`);
    return 2;
  }
  return withDatabase(async (db, print) => {
    const found = await findCliStore(db, options.get("store") as string, options.get("org") ?? null);
    if (!found.ok) {
      console.error(`sync: ${found.message}`);
      return 2;
    }
    try {
      const r = await syncStore(db, { storeId: found.store.id, organizationId: found.store.organizationId }, new Date(), { since });
      print(JSON.stringify({ orders: r.orders, created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors }));
      return 0;
    } catch (error) {
      if (error instanceof SyncRefusedError) {
        console.error(`sync: ${found.store.name}: ${error.message}`);
        return 2;
      }
      throw error;
    }
  });
}

runMain(main);
