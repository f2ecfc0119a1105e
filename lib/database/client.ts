import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Shared by the app (lib/db.ts) and the CLIs, seed and tests, which run outside Next.js and so
// cannot import the server-only module.
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}

export type Db = PrismaClient;
