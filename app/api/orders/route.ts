import { requireApiUser } from "@/lib/auth";
import { listOrders } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import { toErrorResponse } from "@/lib/errors";
import { requireOrderQuery } from "@/lib/validations/orders";

export const dynamic = "force-dynamic";

/** GET /api/orders: one page of the signed-in user's orders, filtered and sorted (lib/validations/orders.ts). */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    const query = requireOrderQuery(new URL(request.url).searchParams);
    const list = await listOrders(scopeOf(user), query, new Date());
    return Response.json(list, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
