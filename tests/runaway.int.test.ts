import { afterAll, describe, expect, inject, it } from "vitest";
import { withRequestSignal } from "@/lib/database/cancel";
import { createPrismaClient } from "@/lib/database/client";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";

// No runaway work: an interactive request's statement stops at the pool's statement_timeout, and
// a request whose client went away has its query cancelled in PostgreSQL, not left running.
// The embedded database cannot cancel a query and ignores the options; CI runs on PostgreSQL.

const url = inject("databaseUrl");
const clients: ReturnType<typeof createPrismaClient>[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

async function running(observer: ReturnType<typeof createPrismaClient>, marker: string): Promise<number> {
  const rows = await observer.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%${marker}%' AND query NOT LIKE '%pg_stat_activity%'`,
  );
  return rows[0]?.n ?? 0;
}

describe.skipIf(isEmbeddedUrl(url))("runaway queries", () => {
  it("stops a statement at the pool's statement_timeout", async () => {
    const app = createPrismaClient(url, 1, { statementTimeoutMs: 300 });
    clients.push(app);
    const started = performance.now();
    await expect(app.$queryRawUnsafe("SELECT pg_sleep(5) /* h20-timeout */")).rejects.toThrow(/statement timeout|canceling statement/);
    expect(performance.now() - started).toBeLessThan(3_000);
    // The connection is still usable afterwards.
    expect(await app.$queryRawUnsafe<{ one: number }[]>("SELECT 1::int AS one")).toEqual([{ one: 1 }]);
  });

  it("cancels the query in PostgreSQL when the request's client goes away, and keeps the pool working", async () => {
    const app = createPrismaClient(url, 2);
    const observer = createPrismaClient(url, 1);
    clients.push(app, observer);
    const controller = new AbortController();
    const started = performance.now();
    const query = withRequestSignal(controller.signal, () => app.$queryRaw`SELECT pg_sleep(${20}::int) /* h20-abandoned */`);
    await expect.poll(() => running(observer, "h20-abandoned"), { timeout: 5_000 }).toBe(1);
    controller.abort();
    await expect(query).rejects.toThrow(/abandoned|cancel/i);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(await running(observer, "h20-abandoned")).toBe(0);
    // Queries outside an aborted request are untouched, and an aborted request starts no new query.
    expect(await app.$queryRawUnsafe<{ one: number }[]>("SELECT 1::int AS one")).toEqual([{ one: 1 }]);
    await expect(withRequestSignal(controller.signal, () => app.$queryRaw`SELECT 2`)).rejects.toThrow(/abandoned/);
  });
});
