import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/validations/audit";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditLog(organizationId: string, filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    organizationId,
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [items, total, entityTypes] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, actorLabel: true, action: true, entityType: true, entityId: true, before: true, after: true, ip: true },
    }),
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where: { organizationId }, distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return { items, total, entityTypes: entityTypes.map((e) => e.entityType) };
}
