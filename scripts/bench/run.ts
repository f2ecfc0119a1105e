// `npm run bench -- --orders N [--stores S] [--duration SECONDS] [--import-lines L] [--quick] [--latency-only]`
// Every benchmark against a database of N orders (DATABASE_URL, or the embedded default for
// small N), one JSON line per figure: {"name","value","unit",...}. See docs/benchmarks.md.
import path from "node:path";
import { runAlertPass } from "../../lib/alerts/pass";
import { BENCH_ORG, BENCH_PASSWORD, BENCH_USERS, generateBenchData } from "../../lib/bench/generate";
import { firstLoadJsKb, serverRssMb, signIn, startServer, timeGet } from "../../lib/bench/http";
import { runLoad } from "../../lib/bench/load";
import { createPrismaClient } from "../../lib/database/client";
import { ensureAuthSecret, ensureSecretsKey, openDatabase } from "../../lib/database/runtime";
import { benchImport } from "../../lib/bench/import";
import { refreshOrderRisk } from "../../lib/flags/refresh-orders";
import { buildIfStale, distDir } from "../lib/build";
import { hasFlag, intOption } from "./args";
import { getSettings } from "@/lib/env";

const quick = hasFlag("quick");
const orders = intOption("orders", 100_000);
const stores = intOption("stores", 50);
const durationMs = intOption("duration", quick ? 2 : 20) * 1000;
const importLines = intOption("import-lines", quick ? 2_000 : 100_000);
const port = intOption("port", 3200);
// For iterating on the screens: skip the import and re-evaluation figures.
const latencyOnly = hasFlag("latency-only");

const emit = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ name, value, unit, ...extra }));
const log = (line: string) => console.error(`[bench] ${line}`);

const dataRoot = path.resolve(getSettings().DATA_DIR);
const database = await openDatabase({ dataDir: path.join(dataRoot, "pglite-bench") });
const prisma = createPrismaClient(database.url, 4);
let stopServer: (() => Promise<void>) | undefined;
try {
  // 1. Data: reuse the benchmark organisation when it already has N orders.
  let org = await prisma.organization.findFirst({ where: { name: BENCH_ORG }, select: { id: true } });
  const have = org ? await prisma.order.count({ where: { organizationId: org.id } }) : 0;
  if (!org || have !== orders) {
    log(`generating ${orders} orders across ${stores} stores`);
    const generated = await generateBenchData(prisma, database.url, { orders, stores, log });
    emit("bench_data_s", Math.round(generated.seconds * 10) / 10, "s", { orders: generated.orders, lines: generated.lines });
    org = { id: generated.organizationId };
  }
  const organizationId = org.id;

  if (!latencyOnly) {
    // 2. Import through the real path, and raw COPY of the same rows, in the same run.
    log(`import of a ${importLines}-line Shopify export`);
    const imported = await benchImport(prisma, { lines: importLines, databaseUrl: database.url, organizationId });
    emit("import_lines_per_s", Math.round(imported.importLinesPerS), "lines/s", { lines: importLines });
    // The baseline pays the same triggers, keys and indexes (lib/bench/import.ts); the earlier one
    // (tables LIKE Order without triggers or foreign keys) is kept beside it for reference.
    emit("copy_lines_per_s", Math.round(imported.copyLinesPerS), "lines/s", {
      lines: importLines,
      ratio: Math.round((imported.copyLinesPerS / imported.importLinesPerS) * 100) / 100,
      method: imported.copyMethod,
      bareCopyLinesPerS: imported.bareCopyLinesPerS,
      bareRatio: Math.round((imported.bareCopyLinesPerS / imported.importLinesPerS) * 100) / 100,
    });

    // 3. Re-evaluation of every open order.
    const started = performance.now();
    const re = await refreshOrderRisk(prisma, { organizationId, openOnly: true }, new Date());
    emit("reevaluate_open_orders_s", Math.round((performance.now() - started) / 10) / 100, "s", { openOrders: re.orders, flags: re.flags });

    // 3b. One alert pass (lib/alerts/pass.ts) with a rule sending every warning and critical item
    // to the owners, e-mails stored (no SMTP): from no deliveries, then again at the same instant.
    const rule = {
      organizationId,
      name: "bench: warnings and critical to owners",
      severities: ["WARNING", "CRITICAL"] as ("WARNING" | "CRITICAL")[],
      recipientRoles: ["OWNER" as const],
    };
    await prisma.alertRule.upsert({ where: { organizationId_name: { organizationId, name: rule.name } }, create: rule, update: rule });
    await prisma.alertDelivery.deleteMany({ where: { organizationId } });
    const alertsAt = new Date();
    const alertConfig = { smtpUrl: null, from: "bench <bench@localhost>", baseUrl: "http://localhost", secret: "bench-secret-0123456789" };
    const first = performance.now();
    const pass = await runAlertPass(prisma, alertsAt, alertConfig, organizationId);
    emit("alerts_pass_s", Math.round((performance.now() - first) / 10) / 100, "s", { deliveries: pass.attempts.length, orders });
    const second = performance.now();
    const repeat = await runAlertPass(prisma, alertsAt, alertConfig, organizationId);
    emit("alerts_repeat_pass_s", Math.round((performance.now() - second) / 10) / 100, "s", { deliveries: repeat.attempts.length, orders });
  }

  // 4. HTTP latency of the production server under 20 signed-in clients.
  buildIfStale();
  const server = await startServer({
    port,
    env: {
      DATABASE_URL: database.url,
      DATABASE_MODE: database.mode,
      NEXTAUTH_SECRET: ensureAuthSecret(dataRoot),
      SECRETS_KEY: ensureSecretsKey(dataRoot),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DATABASE_POOL_SIZE: "20",
    },
  });
  stopServer = server.stop;
  const cookie = await signIn(server.baseUrl, BENCH_USERS.owner, BENCH_PASSWORD);

  // 4a. Cold: the first request of each screen after the organisation's cached figures are
  // dropped, on a server whose code has run once (a production server's state when its cache
  // period runs out, the common first view). The views of the freshly started process, whose
  // code is loaded and compiled on first use, are reported beside them (`freshProcessMs`).
  const store = await prisma.store.findFirstOrThrow({ where: { organizationId, channel: "TIKTOK_SHOP" }, select: { id: true }, orderBy: { name: "asc" } });
  await timeGet(`${server.baseUrl}/floor`, cookie);
  const cold = [
    ["overview_cold_ms", "/"],
    ["stores_cold_ms", "/stores"],
    ["exposure_cold_ms", `/api/stores/${store.id}/exposure`],
    ["stores_warm_ms", "/stores"],
  ] as const;
  const fresh: number[] = [];
  for (const [, target] of cold) fresh.push((await timeGet(`${server.baseUrl}${target}`, cookie)).ms);
  await untilSlowSectionsLoaded(server.baseUrl, cookie, store.id);
  const refresh = await fetch(`${server.baseUrl}/api/figures/refresh`, { method: "POST", headers: { cookie } });
  if (!refresh.ok) throw new Error(`POST /api/figures/refresh answered ${refresh.status}`);
  for (const [i, [name, target]] of cold.entries()) {
    const result = await timeGet(`${server.baseUrl}${target}`, cookie);
    emit(name, result.ms, "ms", { path: target, status: result.status, errors: result.status >= 400 ? 1 : 0, freshProcessMs: fresh[i] });
  }

  // 4b. p95 under 20 clients; the floor page (shell and session, no data) is the yardstick.
  const targets = [
    ["floor_p95_ms", "/floor"],
    ["overview_p95_ms", "/"],
    ["risk_queue_p95_ms", "/api/risk"],
    ["orders_list_p95_ms", "/api/orders?pageSize=50"],
  ] as const;
  let floorP95 = 0;
  for (const [name, target] of targets) {
    await runLoad({ url: `${server.baseUrl}${target}`, connections: 20, durationMs: Math.min(3_000, durationMs), headers: { cookie } }); // warm-up
    const result = await runLoad({ url: `${server.baseUrl}${target}`, connections: 20, durationMs, headers: { cookie } });
    if (name === "floor_p95_ms") floorP95 = result.p95Ms;
    const ratio = name !== "floor_p95_ms" && floorP95 > 0 ? { floorRatio: Math.round((result.p95Ms / floorP95) * 100) / 100 } : {};
    emit(name, result.p95Ms, "ms", {
      path: target,
      connections: 20,
      requests: result.requests,
      errors: result.errors,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      rps: result.rps,
      ...ratio,
    });
  }

  // 5. First-load JavaScript of the Overview page.
  const js = await firstLoadJsKb(server.baseUrl, "/", cookie, distDir());
  emit("first_load_js_kb", js.kb, "kB", { page: "/", files: js.files, compression: "gzip" });

  // 6. Resident memory of the server after the run.
  const rss = serverRssMb(server.pid);
  emit("rss_mb", rss.largestMb, "MB", { groupTotalMb: rss.totalMb, processes: rss.processes });
} finally {
  await stopServer?.();
  await prisma.$disconnect();
  await database.stop();
}

/** Waits (at most a minute) until the overview, the stores page and a store's exposure show no section as still being computed. */
async function untilSlowSectionsLoaded(baseUrl: string, cookie: string, storeId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  const pending = async () => {
    const [overview, stores, exposure] = await Promise.all(
      ["/", "/stores", `/api/stores/${storeId}/exposure`].map(async (p) => (await fetch(`${baseUrl}${p}`, { headers: { cookie } })).text()),
    );
    return /data-testid="(exposure|repeat-rate)-pending"/.test(`${overview}${stores}`) || /"comparisonPending":true/.test(exposure ?? "");
  };
  while (await pending()) {
    if (Date.now() > deadline) throw new Error("the slow sections were still being computed after a minute");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
