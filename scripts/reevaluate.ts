// `npm run risk:reevaluate [-- --org <organization id>] [--now <ISO-8601>]`: re-evaluates every
// open order's flags and dispatch instants, and the store, creator and listing flags (licence
// countdowns, video windows, open demand move with time) — after a policy calendar or threshold
// change, and on a schedule (hourly or daily). Prints one JSON line per organisation and a total.
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import { refreshOrganizationCompliance } from "../lib/compliance/refresh";
import { refreshOrderRisk } from "../lib/risk/refresh-orders";

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
const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite") });
const prisma = createPrismaClient(database.url, 4);
try {
  const orgId = option("org");
  const orgs = await prisma.organization.findMany({ where: orgId ? { id: orgId } : {}, select: { id: true, name: true } });
  if (orgId && orgs.length === 0) {
    console.error(`--org: no organisation with id ${orgId}`);
    process.exitCode = 2;
  }
  const started = performance.now();
  let orders = 0;
  for (const org of orgs) {
    const result = await refreshOrderRisk(prisma, { organizationId: org.id, openOnly: true }, now);
    await refreshOrganizationCompliance(prisma, org.id, now);
    orders += result.orders;
    console.log(JSON.stringify({ organization: org.name, ...result }));
  }
  console.log(JSON.stringify({ openOrders: orders, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) }));
} finally {
  await prisma.$disconnect();
  await database.stop();
}
