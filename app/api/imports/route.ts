import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { requireApiUser } from "@/lib/auth";
import { forgetViewReads } from "@/lib/data/cache";
import { scopeOf } from "@/lib/data/scope";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { IngestFormatError } from "@/lib/ingest/errors";
import { importOrderFile } from "@/lib/ingest/import-file";
import { claimImportJob } from "@/lib/ingest/import-jobs";
import { importUploadSchema } from "@/lib/validations/imports";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
// A long export can take minutes; the page polls the job meanwhile.
export const maxDuration = 900;

const MAX_UPLOAD_BYTES = 1024 ** 3;

class TooLarge extends Error {}

/**
 * `POST /api/imports?storeId=…&format=…&fileName=…[&jobId=<id>]` with the file as the raw body.
 * The body is streamed into the parser (never buffered whole); progress goes to the ImportJob,
 * which the page polls at `GET /api/imports/<jobId>`. The job id is the server's: made by
 * `POST /api/imports/jobs` beforehand (the page does this), or here when none is given.
 */
export async function POST(req: Request) {
  try {
    assertSameOrigin(req);
    const user = await requireApiUser(["OWNER", "OPS"]);
    const scope = scopeOf(user);
    const url = new URL(req.url);
    const parsed = importUploadSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("BAD_REQUEST", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
    }
    const input = parsed.data;
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_UPLOAD_BYTES) return Response.json({ error: "PAYLOAD_TOO_LARGE", message: "Files up to 1 GB." }, { status: 413 });
    if (!req.body) throw new AppError("BAD_REQUEST", "The request body must be the file.");
    const store = await db.store.findFirst({ where: { id: input.storeId, organizationId: scope.organizationId }, select: { id: true } });
    if (!store) throw new AppError("NOT_FOUND", "Store not found.");

    const bytesTotal = Number.isFinite(declared) && declared > 0 ? declared : 0;
    let job: { id: string };
    if (input.jobId) {
      // A job the server made for this upload (POST /api/imports/jobs), taken once by its creator.
      if (!(await claimImportJob(db, { id: input.jobId, organizationId: scope.organizationId, storeId: store.id, createdById: user.id, bytesTotal }))) {
        throw new AppError("NOT_FOUND", "No import job waiting for this file: start the import again.");
      }
      job = { id: input.jobId };
    } else {
      job = await db.importJob.create({
        data: {
          organizationId: scope.organizationId,
          storeId: store.id,
          createdById: user.id,
          fileName: input.fileName,
          format: input.format ?? "auto",
          bytesTotal: BigInt(bytesTotal),
        },
        select: { id: true },
      });
    }

    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > MAX_UPLOAD_BYTES ? new TooLarge("Files up to 1 GB.") : null, chunk);
      },
    });
    const stream = Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>).pipe(limit);
    try {
      const summary = await importOrderFile(db, {
        storeId: store.id,
        organizationId: scope.organizationId,
        stream,
        format: input.format,
        bytesTotal: declared > 0 ? declared : undefined,
        jobId: job.id,
      });
      return Response.json({ id: job.id, ...summary, errors: summary.errors.slice(0, 200) });
    } catch (error) {
      if (error instanceof IngestFormatError) return Response.json({ id: job.id, error: "BAD_REQUEST", message: error.message }, { status: 400 });
      if (error instanceof TooLarge) return Response.json({ id: job.id, error: "PAYLOAD_TOO_LARGE", message: error.message }, { status: 413 });
      throw error;
    } finally {
      // The first orders tick the overview's getting-started step on the importer's next view.
      forgetViewReads(scope.organizationId);
    }
  } catch (error) {
    return toErrorResponse(error);
  }
}
