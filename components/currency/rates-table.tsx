import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { FxRateRow } from "@/lib/data/fx-rates";
import { formatRateDay, formatRateValue } from "@/lib/fx/format";
import { DeleteRateButton } from "./settings-forms";

/** The stored rates, latest day first, a page at a time. */
export async function RatesTable({ list }: { list: { rows: FxRateRow[]; page: number; hasMore: boolean; total: number; days: number } }) {
  const [t, locale] = await Promise.all([getTranslations("currency.settings"), getLocale()]);
  const source = (s: string) => (s === "ecb" ? t("sourceEcb") : t("sourceManual"));
  return (
    <Card>
      <CardHeader title={t("ratesTitle")} description={list.total > 0 ? t("ratesSummary", { count: list.total, days: list.days }) : undefined} />
      {list.rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("ratesEmpty")}</p>
      ) : (
        <Table label={t("ratesTitle")} data-testid="fx-rates">
          <thead>
            <tr>
              <Th>{t("columnDay")}</Th>
              <Th>{t("columnRate")}</Th>
              <Th className="hidden sm:table-cell">{t("columnSource")}</Th>
              <Th className="text-right">
                <span className="sr-only">{t("columnActions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} data-rate={`${r.base}/${r.quote}@${r.day}`}>
                <Td className="whitespace-nowrap tabular-nums">{formatRateDay(r.day, locale)}</Td>
                <Td className="tabular-nums">
                  <span className="whitespace-nowrap">{t("rateLine", { base: r.base, quote: r.quote, rate: formatRateValue(r.rate, locale) })}</span>
                  {/* On a phone the source goes under the rate instead of a third column. */}
                  <span className="block text-xs text-slate-500 sm:hidden">{source(r.source)}</span>
                </Td>
                <Td className="hidden text-slate-600 sm:table-cell">{source(r.source)}</Td>
                <Td className="text-right">
                  <DeleteRateButton
                    rateId={r.id}
                    label={t("deleteRateLabel", { base: r.base, quote: r.quote, rate: formatRateValue(r.rate, locale), day: formatRateDay(r.day, locale) })}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.page > 1 || list.hasMore ? (
        <nav aria-label={t("ratesPages")} className="flex items-center justify-between gap-2 px-4 py-3 text-sm">
          {list.page > 1 ? (
            <Link className="text-slate-700 hover:underline" href={list.page === 2 ? "/settings" : `/settings?page=${list.page - 1}`}>
              {t("newer")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">{t("page", { page: list.page })}</span>
          {list.hasMore ? (
            <Link className="text-slate-700 hover:underline" href={`/settings?page=${list.page + 1}`}>
              {t("older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Card>
  );
}
