import { inject } from "vitest";
import { type Db, createPrismaClient } from "../lib/database/client";

let client: Db | undefined;

/** The integration tests' own Prisma client on the test database. */
export function testDb(): Db {
  client ??= createPrismaClient(inject("databaseUrl"), 4);
  return client;
}
