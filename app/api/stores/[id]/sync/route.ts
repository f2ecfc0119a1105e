import { requireApiUser } from "@/lib/auth";
import { forgetViewReads } from "@/lib/data/cache";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { syncStoreForUser } from "@/lib/channels/sync";
import { storeIdSchema } from "@/lib/validations/imports";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(req);
    const actor = await requireApiUser(["OWNER", "OPS"]);
    const parsed = storeIdSchema.safeParse((await params).id);
    if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Not a store id");
    try {
      return Response.json(await syncStoreForUser(db, actor, parsed.data, new Date()));
    } finally {
      // The orders it brought count on the overview's next view (getting started, unassigned).
      forgetViewReads(actor.organizationId);
    }
  } catch (error) {
    return toErrorResponse(error);
  }
}
