import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CancellablePool } from "./cancel";
import { isEmbeddedUrl } from "./embedded-url";
import { getSettings } from "@/lib/env";

// Shared by the app (lib/db.ts) and the CLIs, seed and tests, which run outside Next.js and so
// cannot import the server-only module.
const urls = new WeakMap<PrismaClient, string>();

export type ClientOptions = {
  /**
   * statement_timeout of every connection, in ms (0: none). The app's pool sets it for
   * interactive requests (DATABASE_STATEMENT_TIMEOUT_MS); CLIs and jobs leave it off.
   */
  statementTimeoutMs?: number;
};

export function createPrismaClient(databaseUrl: string, poolSize = 10, clientOptions: ClientOptions = {}): PrismaClient {
  // Tuned for a dashboard's many short queries (docs/benchmarks.md, measured at a million orders):
  // - JIT compilation pays off for hour-long analytics, not 5–50 ms queries: it added ~300 ms to
  //   the overview's aggregates and doubled the risk queue's time;
  // - parallel workers cost more to start than they save on such queries, and under twenty
  //   concurrent users they compete for the same cores: the risk queue ran in 7–9 ms serially
  //   against 18 ms with two workers, the KPIs in 1.1 s against 1.5 s.
  // The embedded database has neither and ignores the options (and cannot cancel a query).
  const embedded = isEmbeddedUrl(databaseUrl);
  const timeout = clientOptions.statementTimeoutMs ? ` -c statement_timeout=${Math.round(clientOptions.statementTimeoutMs)}` : "";
  const config = { connectionString: databaseUrl, max: poolSize, options: `-c jit=off -c max_parallel_workers_per_gather=0${timeout}` };
  const client = new PrismaClient({
    adapter: new PrismaPg(embedded ? config : new CancellablePool(config), {
      disposeExternalPool: true,
      ...(embedded || !getSettings().DATABASE_NAMED_STATEMENTS ? {} : { statementNameGenerator: statementName }),
    }),
  });
  urls.set(client, databaseUrl);
  return client;
}

/**
 * The connection string a client was made with, for the few jobs Prisma cannot do (COPY for
 * bulk imports). The app's lazy `db` (lib/db.ts) is a proxy, not the client itself: it always
 * connects to DATABASE_URL, so that is the answer for it.
 */
export function databaseUrlOf(client: PrismaClient): string | undefined {
  return urls.get(client) ?? process.env.DATABASE_URL;
}

export type Db = PrismaClient;

const MAX_NAMED_STATEMENTS = 1_000;
const named = new Set<string>();

/**
 * A name for each distinct SQL text, so every pooled connection parses and plans it once and
 * then only binds and executes: the risk queue's page query spent 3.5 ms planning against 3.7 ms
 * running. Texts built with a variable number of parameters (IN lists) would each get a name, so
 * past a bound new texts go unnamed (parsed every time, as without this). Behind a pooler in
 * transaction mode that does not track prepared statements (PgBouncer before 1.21), set
 * DATABASE_NAMED_STATEMENTS=0.
 */
function statementName(query: { sql: string; args: unknown[] }): string {
  // Without parameters pg uses the simple protocol, which also runs several statements at once
  // (maintenance scripts do); a named statement would have to be a single one.
  if (query.args.length === 0) return undefined as unknown as string;
  const name = `s${createHash("sha1").update(query.sql).digest("base64url")}`;
  if (named.has(name)) return name;
  if (named.size >= MAX_NAMED_STATEMENTS) return undefined as unknown as string;
  named.add(name);
  return name;
}
