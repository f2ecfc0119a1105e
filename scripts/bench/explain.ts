// `npx tsx --conditions=react-server scripts/bench/explain.ts` (DATABASE_URL: a database filled
// by `npm run bench:data`): EXPLAIN (ANALYZE, BUFFERS) of every query the overview's KPIs and the
// stores page run on the daily roll-up, then each read's wall time, cold and warm. For
// docs/benchmarks.md.
import { db } from "@/lib/db";
import { explainDailyQueries } from "@/lib/data/daily";
import { getChannelKpis, getTrends } from "@/lib/data/overview";
import { listStoreSummaries } from "@/lib/data/stores";
import { Prisma } from "@/lib/generated/prisma/client";
import { getExposureSummaries, getStoreExposure } from "@/lib/data/exposure";
import { BENCH_ORG } from "@/lib/bench/generate";

const org = await db.organization.findFirstOrThrow({ where: { name: BENCH_ORG }, select: { id: true } });
const scope = { organizationId: org.id, supplierId: null, role: "OWNER" as const };
const now = new Date();
const from = new Date(now.getTime() - 30 * 86_400_000);

explainDailyQueries(async (label, sql) => {
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
  console.log(`\n### ${label}\n\n\`\`\`\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\``);
});
await getChannelKpis(scope, { from, to: now, now });
explainDailyQueries(null);

const time = async (name: string, f: () => Promise<unknown>) => {
  const started = performance.now();
  await f();
  return `${name} ${Math.round(performance.now() - started)} ms`;
};
const store = await db.store.findFirstOrThrow({ where: { organizationId: org.id, channel: "TIKTOK_SHOP" }, select: { id: true }, orderBy: { name: "asc" } });
for (const round of ["first", "second"]) {
  const lines = [
    await time("overview KPIs", () => getChannelKpis(scope, { from, to: now, now })),
    await time("overview trends", () => getTrends(scope, { from, to: now, now, timeZone: null })),
    await time("store figures", () => listStoreSummaries(scope, now)),
    await time("exposure summaries", () => getExposureSummaries(scope, now)),
    await time("store exposure", () => getStoreExposure(scope, store.id, now)),
  ];
  console.log(`\n${round}: ${lines.join(" · ")}`);
}
await db.$disconnect();
