// `npx tsx --conditions=react-server scripts/bench/explain-archived.ts` (DATABASE_URL: a database
// filled by `npm run bench:data`): archives the benchmark's first TikTok store for the duration,
// then EXPLAIN (ANALYZE, BUFFERS) of every raw query the daily views run with archived stores left
// out — the risk queue and its counts, the overview's KPIs and trends, the orders list, the alert
// items, the service comparison and supplier attribution — and restores the store. For docs/benchmarks.md (lib/data/archived.ts).
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { BENCH_ORG } from "@/lib/bench/generate";
import { readOpenItems } from "@/lib/alerts/items";
import { dispatchLeadHours } from "@/lib/alerts/lead-times";
import { listOrders } from "@/lib/data/orders";
import { getChannelKpis, getTrends } from "@/lib/data/overview";
import { countOpenFlagsByRule, getRiskQueue } from "@/lib/data/risk";
import { readOrganizationSettings } from "@/lib/data/settings";
import { readServiceComparison, readSupplierAttribution } from "@/lib/data/exposure";
import { EMPTY_ORDER_QUERY } from "@/lib/validations/orders";

const only = process.argv[2];
const org = await db.organization.findFirstOrThrow({ where: { name: BENCH_ORG }, select: { id: true } });
const scope = { organizationId: org.id, supplierId: null, role: "OWNER" as const };
const now = new Date();
const from = new Date(now.getTime() - 30 * 86_400_000);
const store = await db.store.findFirstOrThrow({ where: { organizationId: org.id, channel: "TIKTOK_SHOP" }, select: { id: true }, orderBy: { name: "asc" } });

let label = "";
// The process's one client (lib/db.ts keeps it on globalThis): every raw query of the reads
// below is explained before it runs.
const client = (globalThis as unknown as { prisma: typeof db }).prisma;
const original = client.$queryRaw.bind(client);
(client as unknown as { $queryRaw: unknown }).$queryRaw = async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
  const sql = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
  if (!only || label === only) {
    const plan = await original<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
    console.log(`\n#### ${label}\n\n\`\`\`\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\``);
  }
  return original(sql);
};

await db.store.update({ where: { id: store.id }, data: { archivedAt: now } });
try {
  const settings = await readOrganizationSettings(db, org.id);
  const steps: [string, () => Promise<unknown>][] = [
    ["risk queue", () => getRiskQueue(scope, { limit: 50 }, now)],
    ["risk counts", () => countOpenFlagsByRule(scope, now)],
    ["overview KPIs", () => getChannelKpis(scope, { from, to: now, now })],
    ["overview trends", () => getTrends(scope, { from, to: now, now, timeZone: null })],
    ["orders list", () => listOrders(scope, EMPTY_ORDER_QUERY, now)],
    ["alert items", () => readOpenItems(db, org.id, now, settings, dispatchLeadHours(settings))],
    ["service comparison", () => readServiceComparison(org.id, now)],
    ["supplier attribution", () => readSupplierAttribution(org.id, {}, now)],
  ];
  for (const [name, run] of steps) {
    label = name;
    await run();
  }
} finally {
  await db.store.update({ where: { id: store.id }, data: { archivedAt: null } });
  await db.$disconnect();
}
