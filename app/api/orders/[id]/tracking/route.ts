import { applyTrackingFix } from "@/lib/actions/tracking-fix";
import { requireApiUser } from "@/lib/auth";
import { getOrderDetail } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import { AppError, toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { parseTrackingApiBody, orderIdParam, trackingApiError } from "@/lib/validations/tracking-api";

export const dynamic = "force-dynamic";

/**
 * POST /api/orders/<id>/tracking {"carrier","trackingNumber","labelSource"?} (owner/ops; a contract):
 * validated like the queue's form, saved, written back to the platform through the push queue.
 * 200 {"order":{…},"push":{"status":"pending"|"not_connected",…}}; 400 {field, reason}; 403; 404.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // A browser page of another site must not fix tracking with the user's cookies; an
    // integration calling from a server sends no Origin and passes.
    assertSameOrigin(request);
    const user = await requireApiUser(["OWNER", "OPS"]);
    const id = orderIdParam.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND", "No such order in your organisation.");
    // Another organisation's order is not found, whatever the body says.
    if (!(await getOrderDetail(scopeOf(user), id.data, new Date()))) throw new AppError("NOT_FOUND", "No such order in your organisation.");
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      throw trackingApiError("body", 'Send a JSON object: {"carrier","trackingNumber","labelSource"?}');
    }
    const input = parseTrackingApiBody(id.data, body);
    const now = new Date();
    const result = await applyTrackingFix(user, input, now);
    const order = await getOrderDetail(scopeOf(user), id.data, now);
    return Response.json({ order, push: result.push }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") {
      const fieldErrors = (error.details?.fieldErrors ?? {}) as Record<string, string>;
      const [field, reason] = Object.entries(fieldErrors)[0] ?? ["body", error.message];
      return Response.json({ error: error.code, message: error.message, field, reason, fieldErrors }, { status: 400 });
    }
    return toErrorResponse(error);
  }
}
