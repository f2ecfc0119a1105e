// `npm run worker`: a job-queue worker (lib/jobs/queue.ts) — the same code as the web server,
// started on its own so workers scale apart from web instances. It takes import jobs, syncs every
// connected store from its API every five minutes, writes tracking/stock/tokens back to the
// platforms, runs the hourly re-evaluation (npm run
// risk:reevaluate on a schedule) and the alert pass every minute (npm run alerts -- run on a
// schedule). Needs DATABASE_URL (a PostgreSQL server). Runs until SIGINT/SIGTERM, then finishes
// the job in hand and stops.
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { ensureAuthSecret } from "../lib/database/runtime";
import { createPushQueues, workChannelPushes } from "../lib/jobs/push-queue";
import {
  scheduleAlerts,
  scheduleReevaluation,
  scheduleStoreSyncs,
  startQueue,
  workAlerts,
  workImports,
  workReevaluation,
  workStoreSyncs,
} from "../lib/jobs/queue";
import { getSettings } from "@/lib/env";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL: the worker needs a PostgreSQL server to take jobs from");
  process.exit(2);
}
// Alert links are signed with the web server's secret: the same NEXTAUTH_SECRET (or .data's).
process.env.NEXTAUTH_SECRET = ensureAuthSecret(path.resolve(getSettings().DATA_DIR));
const prisma = createPrismaClient(databaseUrl, 4);
const boss = await startQueue(databaseUrl);
const log = (line: string) => console.log(`[worker ${process.pid}] ${line}`);
await workImports(boss, prisma, log);
// Flags that move with time alone (deadlines, licence countdowns, video windows) are refreshed
// hourly; registering the schedule again is harmless.
await scheduleReevaluation(boss);
await workReevaluation(boss, prisma, log);
// Every connected Shopify and TikTok Shop store is synced from its API every five minutes.
await scheduleStoreSyncs(boss);
await workStoreSyncs(boss, prisma, log);
// Alerts every minute (lib/alerts/pass.ts): lead times, retries, escalation, the digest.
await scheduleAlerts(boss);
await workAlerts(boss, prisma, log);
// Tracking, stock and token refreshes written to the platforms, one push at a time; a sweep every
// minute re-queues retries that are due and pushes a stopped worker left behind.
await createPushQueues(boss);
await workChannelPushes(boss, prisma, log);
console.log(`[worker ${process.pid}] taking jobs`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
