import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

export const storeIdSchema = z
  .string()
  .trim()
  .min(1, errorMessage("imports.chooseStore"))
  .max(64)
  .regex(/^[\w-]+$/, errorMessage("imports.notStoreId"));

export const importFormatSchema = z.enum(["tiktok-csv", "tiktok-xlsx", "shopify-csv"]);

export const importJobIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, errorMessage("imports.notImportId"));

/** Query of `POST /api/imports/jobs`: the job the file will be uploaded into. */
export const importJobCreateSchema = z.object({
  storeId: storeIdSchema,
  format: z.union([importFormatSchema, z.literal("").transform(() => undefined)]).optional(),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), errorMessage("common.noControlChars"))
    .default("upload"),
});

/** Query of `POST /api/imports`: the body is the file itself. */
export const importUploadSchema = importJobCreateSchema.extend({
  // Made by the server (POST /api/imports/jobs) so the page can poll the job while the upload
  // runs; never chosen by the client.
  jobId: importJobIdSchema.optional(),
});
