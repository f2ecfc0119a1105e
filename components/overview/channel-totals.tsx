import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ChannelTotals } from "@/lib/data/overview";
import { formatCount, formatMoney } from "@/lib/format";

export const CHANNEL_LABEL = { TIKTOK_SHOP: "TikTok Shop", BRAND_SITE: "Brand website" } as const;

export function ChannelTotalsGrid({ totals, showRevenue }: { totals: ChannelTotals[]; showRevenue: boolean }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {totals.map((t) => (
        <Card key={t.channel} className="p-4" data-testid={`channel-${t.channel}`}>
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold text-slate-700">{CHANNEL_LABEL[t.channel]}</h2>
            <Badge tone={t.channel === "TIKTOK_SHOP" ? "tiktok" : "brand"}>{t.channel === "TIKTOK_SHOP" ? "Acquisition" : "Home of the brand"}</Badge>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs uppercase tracking-wide text-slate-500">Orders</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="orders">
                {formatCount(t.orders)}
              </dd>
            </div>
            {showRevenue ? (
              <div>
                <dt className="text-xs uppercase tracking-wide text-slate-500">Revenue</dt>
                <dd className="mt-1 space-y-0.5" data-testid="revenue">
                  {t.revenue.length === 0 ? <span className="text-2xl font-semibold text-slate-400">—</span> : null}
                  {t.revenue.map((r) => (
                    <span key={r.currency} className="block text-2xl font-semibold tabular-nums" data-currency={r.currency} data-minor={r.minor.toString()}>
                      {formatMoney(r.minor, r.currency, r.currency === "GBP" ? "en-GB" : "en-US")}
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
      ))}
    </div>
  );
}
