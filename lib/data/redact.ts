import { type ReasonMessage, englishReason } from "@/lib/policy";
import type { DataScope } from "./scope";

// A supplier sees only their own orders, and that holds for words too: a flag's reason written
// for the seller may name other orders (a tracking number reused on order 5768…), which a
// supplier must not learn. Every reason a supplier can read — risk queue, order page, supplier
// view, and any digest or alert addressed to them — goes through reasonForScope (the English
// text) or flagReasonForScope (the text with its message key and parameters, for any language).

const SUPPLIER_WORDING: Readonly<Record<string, ReasonMessage>> = {
  "tracking.duplicate": { key: "tracking.duplicateForSupplier", params: {} },
};

export function reasonForScope(scope: Pick<DataScope, "supplierId">, rule: string, reason: string): string {
  if (!scope.supplierId) return reason;
  const wording = SUPPLIER_WORDING[rule];
  return wording ? englishReason(wording) : reason;
}

type Reasoned = { rule: string; reason: string; reasonKey?: string | null; reasonParams?: unknown };

/** A flag's reason fields as `scope` may read them: for a supplier, a reworded message replaces key, parameters and text alike. */
export function flagReasonForScope<T extends Reasoned>(scope: Pick<DataScope, "supplierId">, flag: T): T {
  const wording = scope.supplierId ? SUPPLIER_WORDING[flag.rule] : undefined;
  return wording ? { ...flag, reason: englishReason(wording), reasonKey: wording.key, reasonParams: wording.params } : flag;
}
