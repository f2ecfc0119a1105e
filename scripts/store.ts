// CLI contract (issue 16), store settings for operators and automation:
//   npm run -s store -- set --store "<name>" [--org "<org name>"] key=value …
// keys: shopifyDomain shopifyAccessToken shopifyApiBaseUrl shopifyApiVersion tiktokAppKey
//       tiktokAppSecret tiktokAccessToken tiktokShopCipher tiktokApiBaseUrl webhookSecret
//       tiktokRefreshToken shopifyLocationId (issue 18: token refresh, stock location)
// (`key=` clears one). Prints the store's settings as ONE JSON line, secrets masked
// (`********` and the last four characters). Unknown key, bad value or unknown store → exit 2.
import path from "node:path";
import { applyStoreSettings, parseSettingAssignments } from "../lib/channels/store-settings";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import { findCliStore, parseOptions } from "./lib/cli-store";

const USAGE = 'usage: store set --store "<name>" [--org "<org name>"] key=value …';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "set") {
    console.error(`store: ${command ? `unknown command "${command}"` : "a command is required"}\n${USAGE}`);
    return 2;
  }
  const parsed = parseOptions(rest, ["store", "org"]);
  if ("error" in parsed || !parsed.options.get("store")) {
    console.error(`store: ${"error" in parsed ? parsed.error : "--store is required"}\n${USAGE}`);
    return 2;
  }
  const assignments = parseSettingAssignments(parsed.positional);
  if (!assignments.ok) {
    console.error(`store: ${assignments.message}`);
    return 2;
  }

  const log = console.log;
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite") });
  const prisma = createPrismaClient(database.url, 4);
  try {
    const found = await findCliStore(prisma, parsed.options.get("store") as string, parsed.options.get("org") ?? null);
    if (!found.ok) {
      console.error(`store: ${found.message}`);
      return 2;
    }
    const r = await applyStoreSettings(prisma, found.store.id, assignments.updates, "cli: npm run store");
    log(JSON.stringify(r.printable));
    return 0;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`store: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
