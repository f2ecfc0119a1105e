import { z } from "zod";

export const createShareLinkSchema = z.object({
  supplierId: z.string().min(1, "Choose a supplier"),
  storeId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  label: z.string().trim().min(1, "Give the link a name the supplier will recognise").max(120),
  expiresInDays: z.coerce.number({ message: "Enter a number of days" }).int("Whole days only").min(1, "At least 1 day").max(90, "At most 90 days"),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ id: z.string().min(1) });
