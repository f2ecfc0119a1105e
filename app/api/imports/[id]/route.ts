import { requireApiUser } from "@/lib/auth";
import { getImportJob } from "@/lib/data/imports";
import { scopeOf } from "@/lib/data/scope";
import { AppError, toErrorResponse } from "@/lib/errors";
import { importJobIdSchema } from "@/lib/validations/imports";

export const dynamic = "force-dynamic";

/** Progress of one import of the caller's organisation (the upload page polls it). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(["OWNER", "OPS"]);
    const id = importJobIdSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("BAD_REQUEST", "Not an import id.");
    const job = await getImportJob(scopeOf(user), id.data);
    if (!job) throw new AppError("NOT_FOUND", "No such import.");
    return Response.json(job, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
