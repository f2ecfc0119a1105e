import { z } from "zod";
import { requireApiUser } from "@/lib/auth";
import { withRequestSignal } from "@/lib/database/cancel";
import { scopeOf } from "@/lib/data/scope";
import { AppError, toErrorResponse } from "@/lib/errors";
import { getStoreExposure } from "@/lib/data/exposure";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * GET /api/stores/<id>/exposure: the store's shop-performance rates, bands, headroom, what-if
 * projection, 12-week trend, supplier shares and the brand-site comparison (lib/performance/exposure.ts).
 * Staff only; a store of another organisation is a 404.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return await withRequestSignal(request.signal, async () => {
      const user = await requireApiUser(["OWNER", "OPS"]);
      const parsed = paramsSchema.safeParse(await context.params);
      if (!parsed.success) throw new AppError("NOT_FOUND", "No such store.");
      const exposure = await getStoreExposure(scopeOf(user), parsed.data.id, new Date());
      return Response.json(exposure, { headers: { "Cache-Control": "private, no-store" } });
    });
  } catch (error) {
    // The client went away: its queries were cancelled (lib/database/cancel.ts); nobody reads this.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return toErrorResponse(error);
  }
}
