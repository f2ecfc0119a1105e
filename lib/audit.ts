import type { Prisma } from "@/lib/generated/prisma/client";

type AuditWriter = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } };

export type AuditEntry = {
  organizationId: string;
  actor: { id: string; email: string } | { label: string };
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

/**
 * Records who changed what, with the values before and after. Call it with the transaction
 * client that makes the change, so the log and the change commit or fail together.
 */
export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorUserId: "id" in entry.actor ? entry.actor.id : null,
      actorLabel: "id" in entry.actor ? entry.actor.email : entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
    },
  });
}
