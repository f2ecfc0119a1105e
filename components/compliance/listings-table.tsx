import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ListingParityRow } from "@/lib/data/compliance";
import { formatMoney } from "@/lib/format";
import { isNinetyNineRoundUp } from "@/lib/policy/pricing";
import { PriceForm, StockForm } from "./compliance-forms";
import { SeverityBadge } from "./flag-list";
import { CHANNEL_LABEL } from "@/lib/vocabulary";

const money = (minor: number, currency: string) => formatMoney(minor, currency, currency === "GBP" ? "en-GB" : "en-US");

function pct(bp: number): string {
  const tenths = Math.round(Math.abs(bp) / 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** The parity table: riskiest first (oversell, then the widest price gap); details open per SKU. */
/** `toleranceMinor`: the organisation's price tolerance (settings.pricing.toleranceMinor). */
export function ListingsTable({
  rows,
  canSetPrice,
  canSetStock,
  toleranceMinor,
}: {
  rows: ListingParityRow[];
  canSetPrice: boolean;
  canSetStock: boolean;
  toleranceMinor: number;
}) {
  return (
    <Table label="Listings: price parity and stock">
      <thead>
        <tr>
          <Th>SKU</Th>
          <Th className="text-right">TikTok</Th>
          <Th className="text-right">Brand site</Th>
          <Th>Difference</Th>
          <Th className="text-right">Stock / open demand</Th>
          <Th>Flags</Th>
        </tr>
      </thead>
      {rows.map((r) => {
        const oversell = r.flags.find((f) => f.rule === "inventory.oversell_risk");
        const mismatch = r.flags.find((f) => f.rule === "pricing.mismatch");
        return (
          <tbody key={r.id} data-testid={`listing-${r.sku}`} className="group">
            <tr className={oversell ? "bg-rose-50/40" : mismatch ? "bg-amber-50/40" : undefined}>
              <Td>
                <div className="font-medium">{r.sku}</div>
                <div className="text-xs text-slate-500">{r.name}</div>
              </Td>
              <Td className="text-right tabular-nums">
                {r.pairs.map((p) => (
                  <div key={p.currency}>{money(p.tiktokPriceMinor, p.currency)}</div>
                ))}
              </Td>
              <Td className="text-right tabular-nums">
                {r.pairs.map((p) => (
                  <div key={p.currency}>{money(p.brandSitePriceMinor, p.currency)}</div>
                ))}
              </Td>
              <Td>
                {r.pairs.length === 0 ? <span className="text-xs text-slate-500">not priced on both channels</span> : null}
                {r.pairs.map((p) => (
                  <div key={p.currency} className="whitespace-nowrap tabular-nums" data-testid={`difference-${p.currency}`}>
                    <span className="mr-1 text-xs text-slate-400">{p.currency}</span>
                    {p.differenceMinor === 0 ? (
                      <span className="text-slate-500">same</span>
                    ) : isNinetyNineRoundUp(p.tiktokPriceMinor, p.brandSitePriceMinor) || Math.abs(p.differenceMinor) <= toleranceMinor ? (
                      <span className="text-slate-600">
                        TikTok {p.differenceMinor > 0 ? "higher" : "lower"} by {money(Math.abs(p.differenceMinor), p.currency)} · allowed
                      </span>
                    ) : (
                      <span className="font-medium text-amber-800">
                        TikTok {p.differenceMinor > 0 ? "▲ higher" : "▼ lower"} by {money(Math.abs(p.differenceMinor), p.currency)} ({pct(p.differenceBp)})
                      </span>
                    )}
                  </div>
                ))}
              </Td>
              <Td className="text-right tabular-nums">
                <span className={oversell ? "font-semibold text-rose-700" : undefined} data-testid="stock">
                  {r.availableStock}
                </span>
                <span className="text-slate-400"> / </span>
                <span data-testid="open-demand">{r.openDemand}</span>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {r.flags.length === 0 ? <Badge tone="success">ok</Badge> : null}
                  {r.flags.map((f) => (
                    <span key={f.rule} className="inline-flex items-center gap-1" title={f.reason} data-rule={f.rule}>
                      <SeverityBadge severity={f.severity} />
                      <span className="text-xs text-slate-600">{f.rule === "pricing.mismatch" ? "price mismatch" : "oversell risk"}</span>
                    </span>
                  ))}
                </div>
              </Td>
            </tr>
            <tr>
              <td colSpan={6} className="border-b border-slate-200 px-3 pb-2">
                <details>
                  <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">
                    Price history{canSetPrice || canSetStock ? " and changes" : ""}
                  </summary>
                  <div className="mt-2 grid gap-4 lg:grid-cols-2">
                    <div>
                      {r.flags.map((f) => (
                        <p key={f.rule} className="mb-2 text-sm text-slate-700">
                          {f.reason}
                        </p>
                      ))}
                      <table className="w-full text-xs">
                        <thead>
                          <tr className="text-left text-slate-500">
                            <th className="py-1 font-medium">From</th>
                            <th className="py-1 font-medium">Channel</th>
                            <th className="py-1 text-right font-medium">Price</th>
                          </tr>
                        </thead>
                        <tbody>
                          {r.history.map((h, i) => (
                            <tr key={i} className="border-t border-slate-100">
                              <td className="py-1">{h.effectiveAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                              <td className="py-1">{CHANNEL_LABEL[h.channel]}</td>
                              <td className="py-1 text-right tabular-nums">{money(h.priceMinor, h.currency)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    <div className="space-y-3">
                      {canSetPrice ? <PriceForm listingId={r.id} sku={r.sku} currencies={r.pairs.map((p) => p.currency)} /> : null}
                      {canSetStock ? <StockForm listingId={r.id} sku={r.sku} current={r.availableStock} /> : null}
                    </div>
                  </div>
                </details>
              </td>
            </tr>
          </tbody>
        );
      })}
    </Table>
  );
}
