import { z } from "zod";
import { requireApiUser } from "@/lib/auth";
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
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(["OWNER", "OPS"]);
    const parsed = paramsSchema.safeParse(await context.params);
    if (!parsed.success) throw new AppError("NOT_FOUND", "No such store.");
    const exposure = await getStoreExposure(scopeOf(user), parsed.data.id, new Date());
    return Response.json(exposure, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
