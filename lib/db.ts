import "server-only";
import { createPrismaClient } from "@/lib/database/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One client per process (dev hot reload would otherwise open a pool per reload).
const globalForPrisma = globalThis as { prisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const env = getEnv();
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE, { statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS });
  }
  return globalForPrisma.prisma;
}

// Lazy so that importing this module during `next build` opens no connection.
export const db = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getClient(), property),
});
