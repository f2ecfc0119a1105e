import { requireApiUser } from "@/lib/auth";
import { withRequestSignal } from "@/lib/database/cancel";
import { getRiskQueue, toRiskJson } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { toErrorResponse } from "@/lib/errors";
import { localeFor } from "@/lib/i18n/locale-for";
import { RISK_PAGE_SIZE, requireRiskQuery } from "@/lib/validations/risk";

export const dynamic = "force-dynamic";

/**
 * GET /api/risk?store=&rule=&page= → {items, total, now}: the signed-in user's open flags in queue
 * order (overdue, least time left, severity), RISK_PAGE_SIZE per page. Suppliers get their own
 * orders' flags only (the filter is in the query). Each item's `reason` is English (a machine
 * contract); `reasonText` is the same reason in the user's language (else Accept-Language).
 */
export async function GET(request: Request) {
  try {
    return await withRequestSignal(request.signal, async () => {
      const user = await requireApiUser();
      const query = requireRiskQuery(new URL(request.url).searchParams);
      const now = new Date();
      const locale = await localeFor(user);
      const queue = await getRiskQueue(
        scopeOf(user),
        { storeId: query.store, rule: query.rule, limit: RISK_PAGE_SIZE, offset: (query.page - 1) * RISK_PAGE_SIZE },
        now,
        locale,
      );
      return Response.json(
        { items: queue.items.map((item) => toRiskJson(item, locale)), total: queue.total, now: now.toISOString() },
        { headers: { "Cache-Control": "private, no-store" } },
      );
    });
  } catch (error) {
    // The client went away: its queries were cancelled (lib/database/cancel.ts); nobody reads this.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return toErrorResponse(error);
  }
}
