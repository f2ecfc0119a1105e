// `npm run -s alerts -- run [--now <ISO-8601>]`: one alert pass (lib/alerts/pass.ts). Prints one
// JSON line per delivery attempt {"channel","to","rule","orderId","status","reason"?}, then
// {"sent":N,"held":N,"failed":N}. A second pass at the same instant sends nothing new.
// Run with the react-server condition (package.json) so lib/data's server-only marker loads.
import path from "node:path";
import { alertConfigFromEnv } from "../lib/alerts/config";
import { runAlertPass } from "../lib/alerts/pass";
import { createPrismaClient } from "../lib/database/client";
import { ensureAuthSecret, openDatabase } from "../lib/database/runtime";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "run") fail("usage: npm run -s alerts -- run [--now <ISO-8601>]");
let now = new Date();
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  if (arg === "--now") {
    const value = rest[++i];
    // A full instant with its offset: a bare date or local time would be read in the machine's zone.
    if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(new Date(value).getTime())) {
      fail(`--now: not an ISO-8601 instant with a zone: ${value ?? "(missing)"}`);
    }
    now = new Date(value);
  } else fail(`unknown argument: ${arg}`);
}

const dataRoot = path.resolve(process.env.DATA_DIR ?? ".data");
const database = await openDatabase({ dataDir: path.join(dataRoot, "pglite") });
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET = ensureAuthSecret(dataRoot);
let config;
try {
  config = alertConfigFromEnv();
} catch (error) {
  await database.stop();
  fail((error as Error).message);
}
const prisma = createPrismaClient(database.url, 4);
try {
  const result = await runAlertPass(prisma, now, config);
  for (const line of result.attempts) console.log(JSON.stringify(line));
  console.log(JSON.stringify({ sent: result.sent, held: result.held, failed: result.failed }));
} finally {
  await prisma.$disconnect();
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await database.stop();
}
