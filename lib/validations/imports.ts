import { z } from "zod";

export const storeIdSchema = z.string().trim().min(1, "Choose a store").max(64).regex(/^[\w-]+$/, "Not a store id");

export const importFormatSchema = z.enum(["tiktok-csv", "tiktok-xlsx", "shopify-csv"]);

/** Query of `POST /api/imports`: the body is the file itself. */
export const importUploadSchema = z.object({
  storeId: storeIdSchema,
  format: z.union([importFormatSchema, z.literal("").transform(() => undefined)]).optional(),
  fileName: z.string().trim().min(1).max(255).default("upload"),
  // Chosen by the page so it can poll the job while the upload is still running.
  jobId: z.uuid("jobId must be a UUID").optional(),
});

export const importJobIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/, "Not an import id");
