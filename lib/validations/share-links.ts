import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

export const createShareLinkSchema = z.object({
  supplierId: z.string().min(1, errorMessage("shareLinks.chooseSupplier")),
  storeId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  label: z.string().trim().min(1, errorMessage("shareLinks.nameLink")).max(120),
  expiresInDays: z.coerce
    .number({ message: errorMessage("shareLinks.enterDays") })
    .int(errorMessage("shareLinks.wholeDays"))
    .min(1, errorMessage("shareLinks.atLeastDay"))
    .max(90, errorMessage("shareLinks.atMostDays")),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ id: z.string().min(1) });
