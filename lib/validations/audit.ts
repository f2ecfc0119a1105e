import { z } from "zod";
import { MAX_YEAR, MIN_YEAR, plainText } from "./safe-input";

// A date filter inside the years PostgreSQL and the app can mean (the year 0000 is neither).
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR;
  });

export const auditFilterSchema = z.object({
  entity: plainText(60).optional().catch(undefined),
  actor: plainText(200).optional().catch(undefined),
  action: plainText(60).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
