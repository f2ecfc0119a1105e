import { requireApiUser } from "@/lib/auth";
import { withRequestSignal } from "@/lib/database/cancel";
import { listOrders } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import { toErrorResponse } from "@/lib/errors";
import { requireOrderQuery } from "@/lib/validations/orders";

export const dynamic = "force-dynamic";

/** GET /api/orders: one page of the signed-in user's orders, filtered and sorted (lib/validations/orders.ts). */
export async function GET(request: Request) {
  try {
    return await withRequestSignal(request.signal, async () => {
      const user = await requireApiUser();
      const query = requireOrderQuery(new URL(request.url).searchParams);
      const list = await listOrders(scopeOf(user), query, new Date());
      return Response.json(list, { headers: { "Cache-Control": "private, no-store" } });
    });
  } catch (error) {
    // The client went away: its queries were cancelled (lib/database/cancel.ts); nobody reads this.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return toErrorResponse(error);
  }
}
