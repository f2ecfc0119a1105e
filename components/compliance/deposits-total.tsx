import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getDepositTotals } from "@/lib/data/compliance";
import type { DataScope } from "@/lib/data/scope";
import { formatMoney } from "@/lib/format";

/**
 * The organisation's cash held in store deposits, per currency: a fixed cash-flow commitment
 * (policy: deposit). Async server component for the Overview; renders nothing for suppliers.
 */
export async function DepositsTotal({ scope }: { scope: DataScope }) {
  if (scope.role === "SUPPLIER") return null;
  const totals = await getDepositTotals(scope);
  return (
    <Card className="p-4" data-testid="deposits-total">
      <h2 className="text-sm font-semibold text-slate-700">Cash held in store deposits</h2>
      {totals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No deposits recorded yet.</p>
      ) : (
        <dl className="mt-2 space-y-1">
          {totals.map((t) => (
            <div key={t.currency} className="flex items-baseline justify-between gap-3">
              <dt className="text-xs text-slate-500">
                {t.currency} · {t.stores} {t.stores === 1 ? "store" : "stores"}
              </dt>
              <dd className="text-2xl font-semibold tabular-nums" data-currency={t.currency} data-minor={t.totalMinor}>
                {formatMoney(t.totalMinor, t.currency, t.currency === "GBP" ? "en-GB" : "en-US")}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Link href="/compliance" className="mt-2 inline-block text-xs font-medium text-slate-600 underline hover:text-slate-900">
        Deposit ledgers
      </Link>
    </Card>
  );
}
