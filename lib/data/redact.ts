import type { DataScope } from "./scope";

// A supplier sees only their own orders, and that holds for words too: a flag's reason written
// for the seller may name other orders (a tracking number reused on order 5768…), which a
// supplier must not learn. Every reason a supplier can read — risk queue, order page, supplier
// view, and any digest or alert addressed to them — goes through reasonForScope.

const SUPPLIER_WORDING: Readonly<Record<string, string>> = {
  "tracking.duplicate": "This tracking number is also used on another order: one parcel cannot serve two orders.",
};

export function reasonForScope(scope: Pick<DataScope, "supplierId">, rule: string, reason: string): string {
  if (!scope.supplierId) return reason;
  return SUPPLIER_WORDING[rule] ?? reason;
}
