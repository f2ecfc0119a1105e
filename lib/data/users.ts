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
