// `npm start`: the database (embedded unless DATABASE_URL is set), migrations, demo data on an
// empty embedded database, a production build when the sources changed, then `next start`.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { ensureAuthSecret, ensureSecretsKey, openDatabase } from "../lib/database/runtime";
import { seedDemo } from "../lib/seed/demo";
import { buildIfStale, runOrExit } from "./lib/build";
import { getSettings, validateServerEnv } from "@/lib/env";
import { spawnNextServer } from "@/lib/next-server";

const root = process.cwd();
// A wrong variable stops the start here, with its name (lib/env.ts).
const settings = getSettings();
const dataRoot = path.resolve(settings.DATA_DIR);
const port = String(settings.PORT);

if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) runOrExit("npm", ["run", "-s", "db:generate"]);
// The e2e suite asks for a clean embedded database on every run.
if (process.env.FRESH_EMBEDDED_DB === "1") rmSync(path.join(dataRoot, "pglite"), { recursive: true, force: true });

const database = await openDatabase({ dataDir: path.join(dataRoot, "pglite"), port: settings.EMBEDDED_DB_PORT });
process.env.DATABASE_URL = database.url;
process.env.DATABASE_MODE = database.mode;
process.env.NEXTAUTH_SECRET = ensureAuthSecret(dataRoot);
process.env.SECRETS_KEY = ensureSecretsKey(dataRoot);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
// The embedded database is the demo: its fake platforms may live anywhere but link-local or
// metadata addresses (lib/security/outbound-url.ts). A real deployment leaves this unset.
if (database.mode === "embedded") process.env.ALLOW_CUSTOM_API_URLS ??= "1";
validateServerEnv(process.env);

// Demo data goes into an EMPTY embedded database (no organisation at all: once a seller has their
// own, or removed the demo, it does not come back) unless SEED_DEMO=0, and anywhere with SEED_DEMO=1.
if (settings.SEED_DEMO !== "0" && (database.mode === "embedded" || settings.SEED_DEMO === "1")) {
  const prisma = createPrismaClient(database.url, 2);
  const empty = (await prisma.organization.count()) === 0;
  if (empty || settings.SEED_DEMO === "1") {
    const result = await seedDemo(prisma, new Date());
    if (result.created) console.log(`[db] demo data loaded: ${result.orders} orders`);
  }
  await prisma.$disconnect();
}

buildIfStale();

console.log(`[app] ${database.mode} database · http://localhost:${port}`);
// Next's production server (lib/next-server.ts: with the request hook). It stays in this process
// group, so a supervisor that kills the group (Playwright, systemd) reaches it too.
const next = spawnNextServer({ port, root, env: process.env, stdio: "inherit" });
let exited = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (exited) return;
  next.kill(signal);
  // A server that ignores the signal is killed after 10 s rather than left behind.
  setTimeout(() => {
    if (!exited) next.kill("SIGKILL");
  }, 10_000).unref();
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
process.on("SIGHUP", shutdown);
next.on("exit", (code, signal) => {
  exited = true;
  void database.stop().finally(() => process.exit(code ?? (signal ? 0 : 1)));
});
