import { z } from "zod";

export const auditFilterSchema = z.object({
  entity: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
