import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APPLICATION_NAME } from "./embedded-url";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PostgreSQL in WebAssembly (PGlite), served on a loopback port so the app talks to it through
 * the same `pg` driver and Prisma adapter as to a real server. `dataDir` undefined = in memory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number }): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await db.waitReady;
  // PGlite is one session; the socket server queues statements and keeps an open transaction
  // bound to its connection, so a small pool is safe. With the default of 1 a pool gets ECONNRESET.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
  serializeExtendedQueries(server);
  let port = options.port ?? 0;
  server.addEventListener("listening", (event) => {
    port = (event as CustomEvent<{ port: number }>).detail.port;
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** One queued frontend message of one connection (pglite-socket 0.2.17's QueryQueueManager). */
type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

// Frontend message types that end an extended-protocol batch (Sync), are a batch of their own
// (simple Query) or end the connection (Terminate); Parse, Bind, Describe, Execute, Close and
// Flush leave the connection's batch open until its Sync.
const ENDS_BATCH = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));
const OPENS_BATCH = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket queues each protocol message on its own and keeps a connection's messages
 * together only inside a transaction (electric-sql/pglite#1046, open). Outside one, another
 * connection's Parse can land between a Parse and its Bind in the one PGlite session: "bind
 * message supplies 2 parameters, but prepared statement "" requires 3", "portal "" does not
 * exist", or another query's rows. Its queue is replaced here by one that also keeps a
 * connection's batch together until its Sync, and that cannot stall after a failed message
 * (the original returns with its queue marked busy). Checked by lib/database/embedded.test.ts.
 */
function serializeExtendedQueries(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function" || typeof queue.clearQueueForHandler !== "function") {
    throw new Error("@electric-sql/pglite-socket's query queue is not the one lib/database/embedded.ts expects: check it after an upgrade");
  }
  let batchOf: number | null = null;
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        // The connection whose batch or transaction is open goes on; the others wait for it.
        const owner = batchOf ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        // Its next message has not arrived yet: the enqueue that brings it starts the queue again.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        const type = item.message[0] ?? 0;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          if (batchOf === item.handlerId) batchOf = null;
          item.reject(error);
          continue;
        }
        if (ENDS_BATCH.has(type)) batchOf = null;
        else if (OPENS_BATCH.has(type)) batchOf = item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    // A connection that went away mid-batch must not hold the others.
    if (batchOf === handlerId) {
      batchOf = null;
      void queue.processQueue();
    }
  };
}
