import { requireApiUser } from "@/lib/auth";
import { getRiskQueue, toRiskJson } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { toErrorResponse } from "@/lib/errors";
import { RISK_PAGE_SIZE, requireRiskQuery } from "@/lib/validations/risk";

export const dynamic = "force-dynamic";

/**
 * GET /api/risk?store=&rule=&page= → {items, total, now}: the signed-in user's open flags in queue
 * order (overdue, least time left, severity), RISK_PAGE_SIZE per page. Suppliers get their own
 * orders' flags only (the filter is in the query).
 */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    const query = requireRiskQuery(new URL(request.url).searchParams);
    const now = new Date();
    const queue = await getRiskQueue(scopeOf(user), { storeId: query.store, rule: query.rule, limit: RISK_PAGE_SIZE, offset: (query.page - 1) * RISK_PAGE_SIZE }, now);
    return Response.json({ items: queue.items.map(toRiskJson), total: queue.total, now: now.toISOString() }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
