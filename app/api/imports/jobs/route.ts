import { requireApiUser } from "@/lib/auth";
import { scopeOf } from "@/lib/data/scope";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { prepareImportJob } from "@/lib/ingest/import-jobs";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { importJobCreateSchema } from "@/lib/validations/imports";

export const dynamic = "force-dynamic";

/**
 * `POST /api/imports/jobs?storeId=…&fileName=…&format=…` → 201 `{ "id" }`: the job a file will be
 * uploaded into (`POST /api/imports?…&jobId=<id>`), so the page can poll its progress meanwhile.
 */
export async function POST(req: Request) {
  try {
    assertSameOrigin(req);
    const user = await requireApiUser(["OWNER", "OPS"]);
    const scope = scopeOf(user);
    const parsed = importJobCreateSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("BAD_REQUEST", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
    }
    const store = await db.store.findFirst({ where: { id: parsed.data.storeId, organizationId: scope.organizationId }, select: { id: true } });
    if (!store) throw new AppError("NOT_FOUND", "Store not found.");
    const id = await prepareImportJob(db, {
      organizationId: scope.organizationId,
      storeId: store.id,
      createdById: user.id,
      fileName: parsed.data.fileName,
      format: parsed.data.format ?? "auto",
    });
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
