import type { SessionUser } from "@/lib/auth";

/**
 * Who may see which rows: the organisation always, and for a supplier only the orders assigned
 * to them. Built from the session only, never from request input.
 */
export type DataScope = { organizationId: string; supplierId: string | null; role: SessionUser["role"] };

export function scopeOf(user: SessionUser): DataScope {
  if (user.role === "SUPPLIER" && !user.supplierId) {
    // A supplier login without a supplier would otherwise see every order: see nothing instead.
    return { organizationId: user.organizationId, supplierId: "__none__", role: user.role };
  }
  return { organizationId: user.organizationId, supplierId: user.role === "SUPPLIER" ? user.supplierId : null, role: user.role };
}
