import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./schema-engine";
import { localSecretsKey } from "@/lib/security/secrets";

export type DatabaseHandle = { url: string; mode: "embedded" | "postgres"; stop: () => Promise<void> };

/**
 * DATABASE_URL set → that PostgreSQL. Unset → the embedded one, persisted in `dataDir`
 * (git-ignored). Either way the migrations are applied before anything else runs.
 */
export async function openDatabase(options: { dataDir: string; port?: number }): Promise<DatabaseHandle> {
  let embedded: EmbeddedPostgres | undefined;
  const external = process.env.DATABASE_URL;
  // PGlite is one process's files: a CLI run while `npm start` serves the same directory must talk
  // to that server (its URL is in the directory's lock file), never open the files a second time —
  // the server would overwrite what the CLI wrote.
  const shared = external ? null : runningEmbedded(options.dataDir);
  if (shared) return { url: shared, mode: "embedded", stop: async () => undefined };
  const url = external ?? (embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port })).url;
  if (embedded) {
    const started = embedded;
    writeFileSync(lockFile(options.dataDir), JSON.stringify({ pid: process.pid, url }));
    embedded = {
      url,
      stop: async () => {
        rmSync(lockFile(options.dataDir), { force: true });
        await started.stop();
      },
    };
  }
  try {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`[db] applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, mode: embedded ? "embedded" : "postgres", stop: async () => embedded?.stop() };
}

/** NEXTAUTH_SECRET from the environment, or one generated once per checkout and kept in .data/. */
export function ensureAuthSecret(dataRoot: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataRoot, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Beside the database directory, not in it: PostgreSQL owns what is inside. */
const lockFile = (dataDir: string) => path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.served-by.json`);

/** The URL of the live process serving this embedded database directory, if there is one. */
function runningEmbedded(dataDir: string): string | null {
  try {
    const { pid, url } = JSON.parse(readFileSync(lockFile(dataDir), "utf8")) as { pid: number; url: string };
    if (pid === process.pid) return null;
    process.kill(pid, 0); // throws when no such process: a stale file from a crash
    return url;
  } catch {
    return null;
  }
}

/** SECRETS_KEY, or the checkout's generated one (lib/security/secrets.ts). */
export function ensureSecretsKey(dataRoot: string): string {
  return localSecretsKey(dataRoot);
}
