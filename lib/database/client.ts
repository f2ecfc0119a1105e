import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Shared by the app (lib/db.ts) and the CLIs, seed and tests, which run outside Next.js and so
// cannot import the server-only module.
const urls = new WeakMap<PrismaClient, string>();

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  // JIT compilation pays off for hour-long analytics, not for a dashboard's 5–50 ms queries: at a
  // million orders it added ~300 ms to the overview's aggregates and doubled the risk queue's
  // time (docs/benchmarks.md). The embedded database has no JIT and ignores the option.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: "-c jit=off" }) });
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
