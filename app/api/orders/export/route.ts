import { requireApiUser } from "@/lib/auth";
import { csvRecord, exportColumns, iterateOrders } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import { toErrorResponse } from "@/lib/errors";
import { requireOrderQuery } from "@/lib/validations/orders";

export const dynamic = "force-dynamic";

const BATCH_SIZE = 1000;

/**
 * GET /api/orders/export: every order matching the list's filters (all pages) as CSV. Streamed
 * batch by batch on demand, so memory stays flat whatever the size and a client that stops
 * reading stops the queries.
 */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    const query = requireOrderQuery(new URL(request.url).searchParams);
    const scope = scopeOf(user);
    const now = new Date();
    const columns = exportColumns(scope);
    const batches = iterateOrders(scope, query, now, BATCH_SIZE);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvRecord(columns.map((c) => c.header))));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value.map((o) => csvRecord(columns.map((c) => c.value(o)))).join("")));
        } catch (error) {
          // Headers are gone by now: failing the stream is the only way to tell the client.
          console.error(error);
          controller.error(new Error("Export failed"));
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    const day = now.toISOString().slice(0, 10).replaceAll("-", "");
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="orders-${day}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
