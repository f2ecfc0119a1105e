import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ListingParityRow } from "@/lib/data/compliance";
import { formatMoney, numberFormat } from "@/lib/format";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { moneyLocale } from "@/lib/i18n/intl-locale";
import type { Locale } from "@/lib/i18n/locales";
import { isNinetyNineRoundUp } from "@/lib/policy/pricing";
import { PriceForm, StockForm } from "./compliance-forms";
import { SeverityBadge } from "./flag-list";

/** A difference in basis points as "7.6%" (one decimal, integer arithmetic), with the locale's decimal sign. */
function pct(bp: number, locale: Locale): string {
  const tenths = Math.round(Math.abs(bp) / 10);
  const decimal =
    locale === "en"
      ? "."
      : (numberFormat(locale)
          .formatToParts(1.5)
          .find((p) => p.type === "decimal")?.value ?? ".");
  return `${Math.floor(tenths / 10)}${decimal}${tenths % 10}%`;
}

/** The parity table: riskiest first (oversell, then the widest price gap); details open per SKU. */
/** `toleranceMinor`: the organisation's price tolerance (settings.pricing.toleranceMinor). */
export async function ListingsTable({
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
  const [t, tv, locale] = await Promise.all([getTranslations("compliance.listings"), getTranslations("vocabulary"), getLocale()]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(currency, locale));
  return (
    <Table label={t("label")}>
      <thead>
        <tr>
          <Th>SKU</Th>
          <Th className="text-right">TikTok</Th>
          <Th className="text-right">{t("brandSite")}</Th>
          <Th>{t("difference")}</Th>
          <Th className="text-right">{t("stockDemand")}</Th>
          <Th>{t("flags")}</Th>
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
                {r.pairs.length === 0 ? <span className="text-xs text-slate-500">{t("notPriced")}</span> : null}
                {r.pairs.map((p) => (
                  <div key={p.currency} className="whitespace-nowrap tabular-nums" data-testid={`difference-${p.currency}`}>
                    <span className="mr-1 text-xs text-slate-400">{p.currency}</span>
                    {p.differenceMinor === 0 ? (
                      <span className="text-slate-500">{t("same")}</span>
                    ) : isNinetyNineRoundUp(p.tiktokPriceMinor, p.brandSitePriceMinor) || Math.abs(p.differenceMinor) <= toleranceMinor ? (
                      <span className="text-slate-600">
                        {t(p.differenceMinor > 0 ? "higherAllowed" : "lowerAllowed", { amount: money(Math.abs(p.differenceMinor), p.currency) })}
                      </span>
                    ) : (
                      <span className="font-medium text-amber-800">
                        {t(p.differenceMinor > 0 ? "higherBy" : "lowerBy", {
                          amount: money(Math.abs(p.differenceMinor), p.currency),
                          percent: pct(p.differenceBp, locale),
                        })}
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
                  {r.flags.length === 0 ? <Badge tone="success">{t("ok")}</Badge> : null}
                  {r.flags.map((f) => (
                    <span key={f.rule} className="inline-flex items-center gap-1" title={formatFlagReason(f, locale)} data-rule={f.rule}>
                      <SeverityBadge severity={f.severity} />
                      <span className="text-xs text-slate-600">{f.rule === "pricing.mismatch" ? t("priceMismatch") : t("oversellRisk")}</span>
                    </span>
                  ))}
                </div>
              </Td>
            </tr>
            <tr>
              <td colSpan={6} className="border-b border-slate-200 px-3 pb-2">
                <details>
                  <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">
                    {canSetPrice || canSetStock ? t("historyAndChanges") : t("history")}
                  </summary>
                  <div className="mt-2 grid gap-4 lg:grid-cols-2">
                    <div>
                      {r.flags.map((f) => (
                        <p key={f.rule} className="mb-2 text-sm text-slate-700">
                          {formatFlagReason(f, locale)}
                        </p>
                      ))}
                      <table className="w-full text-xs">
                        <thead>
                          <tr className="text-left text-slate-500">
                            <th className="py-1 font-medium">{t("from")}</th>
                            <th className="py-1 font-medium">{t("channel")}</th>
                            <th className="py-1 text-right font-medium">{t("price")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {r.history.map((h, i) => (
                            <tr key={i} className="border-t border-slate-100">
                              <td className="py-1">{h.effectiveAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                              <td className="py-1">{tv(`channel.${h.channel}`)}</td>
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
