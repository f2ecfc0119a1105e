// `npm run risk:reevaluate [-- --org <organization id>] [--now <ISO-8601>]`: re-evaluates every
// open order's flags and dispatch instants, and the store, creator and listing flags (licence
// countdowns, video windows, open demand move with time) — after a policy calendar or threshold
// change, and on a schedule (hourly or daily). Prints one JSON line per organisation and a total.
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import { reevaluateOrganizations } from "../lib/jobs/reevaluate";
import { getSettings } from "@/lib/env";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const nowArg = option("now");
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: not an ISO-8601 instant: ${nowArg}`);
  process.exit(2);
}
const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
const prisma = createPrismaClient(database.url, 4);
try {
  const orgId = option("org");
  if (orgId && !(await prisma.organization.findUnique({ where: { id: orgId }, select: { id: true } }))) {
    console.error(`--org: no organisation with id ${orgId}`);
    process.exitCode = 2;
  } else {
    const started = performance.now();
    const results = await reevaluateOrganizations(prisma, now, orgId);
    for (const { organization, orders, flags } of results) console.log(JSON.stringify({ organization, orders, flags }));
    const openOrders = results.reduce((n, r) => n + r.orders, 0);
    console.log(JSON.stringify({ openOrders, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) }));
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
