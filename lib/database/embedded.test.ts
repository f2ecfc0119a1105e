import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";

// The embedded database is one PGlite session behind a socket server that many pooled
// connections share (the app's pool, the in-process alert passes, a CLI). Each connection's
// extended-protocol batch (Parse, Bind, Execute, Sync) must run as one unit: interleaved with
// another's, a Bind meets the other's unnamed statement ("bind message supplies 2 parameters,
// but prepared statement "" requires 3", or silently another query's rows).

let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({});
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  // Starting PGlite (WebAssembly) takes seconds on a busy machine.
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

describe("the embedded database under concurrent pooled connections", () => {
  it("answers every parameterised query with its own statement and parameters", async () => {
    const queries = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0
        ? { text: "SELECT $1::int + $2::int AS v", values: [i, 1], want: String(i + 1) }
        : i % 3 === 1
          ? { text: "SELECT $1::text || '-' || $2::text || '-' || $3::text AS v", values: [`a${i}`, "b", "c"], want: `a${i}-b-c` }
          : { text: "SELECT ($1::bigint * 2)::text AS v", values: [i], want: String(i * 2) },
    );
    const results = await Promise.allSettled(queries.map((q) => pool.query<{ v: unknown }>(q.text, q.values)));
    const wrong = results.flatMap((r, i) => {
      if (r.status === "rejected") return [`${i}: ${(r.reason as Error).message}`];
      const got = String(r.value.rows[0]?.v);
      return got === queries[i]?.want ? [] : [`${i}: ${got} instead of ${queries[i]?.want}`];
    });
    expect(wrong).toEqual([]);
  }, 60_000);

  it("keeps a transaction's statements to its own connection while others query", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS t (n int)");
    const tx = await pool.connect();
    let others: Promise<pg.QueryResult<{ v: number }>[]>;
    try {
      await tx.query("BEGIN");
      await tx.query("INSERT INTO t VALUES ($1)", [1]);
      // Others' reads wait for the open transaction (one session) and then answer their own.
      others = Promise.all(Array.from({ length: 20 }, (_, i) => pool.query<{ v: number }>("SELECT $1::int AS v", [i])));
      await tx.query("INSERT INTO t VALUES ($1)", [2]);
      await tx.query("ROLLBACK");
    } finally {
      tx.release();
    }
    expect((await others).map((r) => r.rows[0]?.v)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect((await pool.query("SELECT count(*)::int AS n FROM t")).rows[0]?.n).toBe(0);
  }, 60_000);
});
