import "server-only";
import { db } from "@/lib/db";
import type { DataScope } from "./scope";

/** The organisation's sign-ins for the owner's users screen: active first, then by role and e-mail. */
export function listTeam(scope: DataScope) {
  return db.user.findMany({
    where: { organizationId: scope.organizationId },
    select: { id: true, email: true, name: true, role: true, active: true, supplierId: true, lockedUntil: true, supplier: { select: { name: true } } },
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
  });
}

/** The organisation's active sign-ins as choices for a form (alert recipients), by name. */
export function listActiveUserOptions(scope: DataScope): Promise<{ id: string; name: string; email: string }[]> {
  return db.user.findMany({
    where: { organizationId: scope.organizationId, active: true },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}
