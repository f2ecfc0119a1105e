import type { Db } from "@/lib/database/client";

// An import job made by the server before its file arrives, so the page can poll it during the
// upload. Its id is the server's (a client-chosen id could collide with another organisation's
// job). `bytesTotal = -1` marks a job still waiting for its file; the upload claims it atomically.

export const AWAITING_UPLOAD = -1n;

export async function prepareImportJob(
  db: Db,
  input: { organizationId: string; storeId: string; createdById: string; fileName: string; format: string },
): Promise<string> {
  const job = await db.importJob.create({ data: { ...input, bytesTotal: AWAITING_UPLOAD }, select: { id: true } });
  return job.id;
}

/** Takes a prepared job for this upload: only its creator, only once. */
export async function claimImportJob(
  db: Db,
  input: { id: string; organizationId: string; storeId: string; createdById: string; bytesTotal: number },
): Promise<boolean> {
  const claimed = await db.importJob.updateMany({
    where: {
      id: input.id,
      organizationId: input.organizationId,
      storeId: input.storeId,
      createdById: input.createdById,
      status: "RUNNING",
      bytesTotal: AWAITING_UPLOAD,
    },
    data: { bytesTotal: BigInt(input.bytesTotal), startedAt: new Date() },
  });
  return claimed.count === 1;
}
