import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// Queries of a request whose client went away are cancelled in PostgreSQL, not left running.
// A route handler runs its work inside `withRequestSignal(request.signal, …)`; every query the
// app's pool starts in that async context takes its own connection, and if the signal aborts
// while the query runs, `pg_cancel_backend` stops it on the server (SQLSTATE 57014) and the
// connection is discarded rather than returned to the pool (so a late cancel can never hit the
// next query on it).

const requestSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with its queries tied to `signal`. */
export function withRequestSignal<T>(signal: AbortSignal | undefined, work: () => PromiseLike<T>): Promise<T> {
  // Awaited inside the context: Prisma's queries start when awaited, not when built.
  return requestSignal.run(signal ?? new AbortController().signal, async () => await work());
}

export class RequestAbortedError extends Error {
  constructor() {
    super("The request was abandoned by its client; its queries were cancelled.");
    this.name = "RequestAbortedError";
  }
}

type QueryConfig = pg.QueryConfig & { rowMode?: string };

/** A pg pool whose `query` honours the request's abort signal. */
export class CancellablePool extends pg.Pool {
  // pg's overloads are many; Prisma's adapter calls query(config) and awaits the promise.
  override query(...args: unknown[]): never {
    const signal = requestSignal.getStore();
    const [config] = args;
    if (!signal || typeof config !== "object" || config === null || args.length > 1) {
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    return this.queryWithSignal(config as QueryConfig, signal) as never;
  }

  private async queryWithSignal(config: QueryConfig, signal: AbortSignal): Promise<pg.QueryResult> {
    if (signal.aborted) throw new RequestAbortedError();
    const client = await this.connect();
    // The client may have left while this waited for a free connection.
    if (signal.aborted) {
      client.release();
      throw new RequestAbortedError();
    }
    let cancelling: Promise<void> | null = null;
    const onAbort = () => {
      cancelling = cancelBackend(this.options, (client as pg.PoolClient & { processID: number }).processID);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await client.query(config);
    } catch (error) {
      if (signal.aborted) throw new RequestAbortedError();
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (cancelling) {
        await cancelling;
        client.release(true);
      } else client.release();
    }
  }
}

async function cancelBackend(options: pg.PoolConfig, pid: number): Promise<void> {
  // A connection of its own (the pool may be full), without the pool's statement options.
  const admin = new pg.Client({
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
  });
  try {
    await admin.connect();
    await admin.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch (error) {
    console.error("could not cancel an abandoned query:", error);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
