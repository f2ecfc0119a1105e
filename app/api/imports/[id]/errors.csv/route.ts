import { requireApiUser } from "@/lib/auth";
import { getImportJobErrors } from "@/lib/data/imports";
import { scopeOf } from "@/lib/data/scope";
import { AppError, toErrorResponse } from "@/lib/errors";
import { csvField as csvCell } from "@/lib/security/csv";
import { importJobIdSchema } from "@/lib/validations/imports";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(["OWNER", "OPS"]);
    const id = importJobIdSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("BAD_REQUEST", "Not an import id.");
    const job = await getImportJobErrors(scopeOf(user), id.data);
    if (!job) throw new AppError("NOT_FOUND", "No such import.");
    const rows = ["line,message", ...job.errors.map((e) => `${csvCell(e.line)},${csvCell(e.message)}`)];
    const more = job.errorCount - job.errors.length;
    if (more > 0)
      rows.push(
        `,${csvCell(`${more.toLocaleString("en-US")} more row errors not listed: the report keeps the first ${job.errors.length.toLocaleString("en-US")}`)}`,
      );
    const body = rows.join("\r\n") + "\r\n";
    const name = `${job.fileName.replace(/[^\w.-]+/g, "_").replace(/\.[^.]*$/, "")}-errors.csv`;
    return new Response(body, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
