import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { importOrderFile } from "@/lib/ingest/import-file";
import { testDb } from "./db";

// A large import analyzes the tables it wrote (autovacuum would wait for 10 % of the table to
// change); a small one leaves that to autovacuum.

const prisma = testDb();
const root = fileURLToPath(new URL("..", import.meta.url));
let organizationId: string;
let storeId: string;

const lastAnalyze = async () =>
  (await prisma.$queryRaw<{ at: Date | null }[]>`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'Order'`)[0]?.at ?? null;

beforeAll(async () => {
  organizationId = (await prisma.organization.create({ data: { name: "Analyze Co" } })).id;
  storeId = (
    await prisma.store.create({
      data: {
        organizationId,
        name: "Analyze TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    })
  ).id;
});
afterAll(async () => {
  await prisma.organization.delete({ where: { id: organizationId } });
});

describe.skipIf(isEmbeddedUrl(inject("databaseUrl")))("statistics after an import", () => {
  it("are refreshed after a large import and left alone after a small one", async () => {
    const csv = readFileSync(path.join(root, "lib/ingest/fixtures/tiktok-us.csv"), "utf8");
    const before = await lastAnalyze();
    const small = await importOrderFile(prisma, { organizationId, storeId, stream: Readable.from([Buffer.from(csv)]), analyzeAfterOrders: 1_000_000 });
    expect(small.created).toBeGreaterThan(0);
    expect(await lastAnalyze()).toEqual(before);
    // The same file again with new statuses: the orders are updated, and this time it counts as large.
    const moved = csv.replaceAll("Awaiting Shipment", "Awaiting Collection");
    const large = await importOrderFile(prisma, { organizationId, storeId, stream: Readable.from([Buffer.from(moved)]), analyzeAfterOrders: 1 });
    expect(large.updated).toBeGreaterThan(0);
    const after = await lastAnalyze();
    expect(after).not.toBeNull();
    expect(after).not.toEqual(before);
  });
});
