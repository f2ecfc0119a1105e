"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { assignOrdersAction } from "@/lib/actions/order-assignment";
import type { ActionResult } from "@/lib/actions/define-action";

type Supplier = { id: string; name: string };

/** "" = back to the routing rules. */
function SupplierChoice({ id, suppliers, value, onChange }: { id: string; suppliers: Supplier[]; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("suppliers.assign");
  return (
    <Select id={id} fieldSize="sm" className="w-auto min-w-40" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("backToRules")}</option>
      {suppliers.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </Select>
  );
}

function useAssign(onDone?: () => void) {
  const [result, setResult] = useState<ActionResult<{ count: number }> | null>(null);
  const [pending, start] = useTransition();
  const queryClient = useQueryClient();
  const router = useRouter();
  const assign = (orderIds: string[], supplierId: string) =>
    start(async () => {
      const r = await assignOrdersAction({ orderIds, supplierId });
      setResult(r);
      if (r.ok) {
        await queryClient.invalidateQueries({ queryKey: ["orders"] });
        router.refresh();
        onDone?.();
      }
    });
  return { result, pending, assign };
}

/** The orders list's bulk bar: the selected orders (or the whole page) to one supplier. */
export function BulkAssignBar({
  selected,
  pageIds,
  suppliers,
  onSelect,
}: {
  selected: string[];
  pageIds: string[];
  suppliers: Supplier[];
  onSelect: (ids: string[]) => void;
}) {
  const [supplierId, setSupplierId] = useState(suppliers[0]?.id ?? "");
  const { result, pending, assign } = useAssign(() => onSelect([]));
  const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.includes(id));
  const t = useTranslations("suppliers.assign");
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm" aria-label={t("group")} role="group">
      <Button size="sm" variant="secondary" onClick={() => onSelect(allSelected ? [] : pageIds)}>
        {allSelected ? t("clear") : t("selectPage")}
      </Button>
      <span className="text-slate-600 tabular-nums" data-testid="selected-count">
        {t("selected", { count: selected.length })}
      </span>
      <label htmlFor="bulk-supplier" className="text-slate-600">
        {t("assignTo")}
      </label>
      <SupplierChoice id="bulk-supplier" suppliers={suppliers} value={supplierId} onChange={setSupplierId} />
      <Button size="sm" disabled={pending || selected.length === 0} onClick={() => assign(selected, supplierId)}>
        {pending ? t("assigning") : t("assign")}
      </Button>
      <FormMessage result={result} compact />
    </div>
  );
}

/** One order's supplier on its detail page: a manual choice that routing rules then leave alone. */
export function OrderSupplierForm({
  orderId,
  current,
  manual,
  suppliers,
}: {
  orderId: string;
  current: string | null;
  manual: boolean;
  suppliers: Supplier[];
}) {
  const [supplierId, setSupplierId] = useState(manual && current ? current : "");
  const { result, pending, assign } = useAssign();
  const t = useTranslations("suppliers.assign");
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">{manual ? t("byHand") : t("byRules")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="order-supplier" className="sr-only">
          {t("supplier")}
        </label>
        <SupplierChoice id="order-supplier" suppliers={suppliers} value={supplierId} onChange={setSupplierId} />
        <Button size="sm" disabled={pending} onClick={() => assign([orderId], supplierId)}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage result={result} compact />
    </div>
  );
}
