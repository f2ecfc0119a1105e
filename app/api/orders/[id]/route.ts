import { requireApiUser } from "@/lib/auth";
import { getOrderDetail } from "@/lib/data/orders";
import { localeFor } from "@/lib/i18n/locale-for";
import { scopeOf } from "@/lib/data/scope";
import { getOrderWriteBack, pushJson } from "@/lib/data/write-back";
import { AppError, toErrorResponse } from "@/lib/errors";
import { orderIdParam } from "@/lib/validations/tracking-api";

export const dynamic = "force-dynamic";

/** GET /api/orders/<id>: one order of the signed-in user's scope, with its latest write-back push (staff). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    const parsed = orderIdParam.safeParse((await params).id);
    if (!parsed.success) throw new AppError("NOT_FOUND", "No such order.");
    const scope = scopeOf(user);
    const order = await getOrderDetail(scope, parsed.data, new Date(), await localeFor(user));
    if (!order) throw new AppError("NOT_FOUND", "No such order.");
    const writeBack = await getOrderWriteBack(scope, order.id);
    return Response.json(
      { order, ...(writeBack ? { push: writeBack.latest ? pushJson(writeBack.latest) : writeBack.connected ? null : { status: "not_connected" } } : {}) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
