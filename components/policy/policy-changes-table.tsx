import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ChangeImpactRow } from "@/lib/data/policy-impact";
import { changeTextIn, confidenceIn, ruleNoteIn, ruleTitleIn } from "@/lib/i18n/policy-text";
import type { Locale } from "@/lib/i18n/locales";
import { CONFIDENCE_TONE, formatPolicyDate } from "./policy-calendar-table";

const STATUS_TONE = { in_force: "success", upcoming: "warning", withdrawn: "neutral" } as const;

type T = Awaited<ReturnType<typeof getTranslations<"policy.changes">>>;

/** "2 Mar 2026": dates here always carry their year (they span several). */
function day(date: string | null, locale: Locale): string {
  return date ? formatPolicyDate(date, locale) : "—";
}

function Hits({ row, t }: { row: ChangeImpactRow; t: T }) {
  const { impact } = row;
  const parts = [
    impact.orders
      ? t(row.source === "update" && row.id === "returns.response_window_business_days" ? "openReturns" : "openOrders", { count: impact.orders })
      : null,
    impact.stores ? t("stores", { count: impact.stores }) : null,
    impact.creators ? t("creators", { count: impact.creators }) : null,
    impact.skus ? t("skus", { count: impact.skus }) : null,
  ].filter(Boolean);
  if (row.status === "withdrawn") return <span className="text-slate-500">{t("nobody")}</span>;
  if (parts.length === 0) return <span className="text-slate-500">{t("nothing")}</span>;
  return (
    <span>
      {parts.join(" · ")}
      {impact.href ? (
        <>
          {" "}
          <Link className="whitespace-nowrap underline" href={impact.href}>
            {t("open")}
          </Link>
        </>
      ) : null}
    </span>
  );
}

/** The calendar's changes, newest first: what changed, when, from which source, and whom it hits today. */
export async function PolicyChangesTable({ rows }: { rows: ChangeImpactRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("policy.changes"), getLocale()]);
  return (
    <Card className="overflow-hidden">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={t("tableLabel")}>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("change")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("effective")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("version")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("source")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("hits")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const words =
                row.source === "update"
                  ? changeTextIn(row.id, locale)
                  : { title: ruleTitleIn(row.rule, locale), summary: row.note ? ruleNoteIn(row.rule, locale) : null, effectiveText: null };
              return (
                <tr key={`${row.source}:${row.id}`} className="align-top" data-change={row.id} data-status={row.status}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-slate-900">{words.title}</p>
                    <p className="text-xs text-slate-500">
                      {t(`kind.${row.kind}`)} · <span className="font-mono">{row.id}</span>
                    </p>
                    {words.summary ? <p className="mt-1 max-w-xl text-xs text-slate-600">{words.summary}</p> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {/* A date stays on one line; how a source states it ("announced …, halted …") may wrap. */}
                    <p className="max-w-48 whitespace-normal">
                      {words.effectiveText && !row.effectiveFrom ? words.effectiveText : day(row.effectiveFrom, locale)}
                    </p>
                    {words.effectiveText && row.effectiveFrom ? (
                      <p className="max-w-48 text-xs whitespace-normal text-slate-500">{words.effectiveText}</p>
                    ) : null}
                    {row.source === "update" && row.defaultEffectiveFrom !== row.effectiveFrom ? (
                      <p className="text-xs text-sky-700">{t("yourSetting", { date: day(row.defaultEffectiveFrom, locale) })}</p>
                    ) : null}
                    <Badge tone={STATUS_TONE[row.status]} className="mt-1">
                      {t(`status.${row.status}`)}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">{row.source === "update" ? day(row.versionDate, locale) : "—"}</td>
                  <td className="px-4 py-3">
                    <Badge tone={CONFIDENCE_TONE[row.confidence]}>{confidenceIn(row.confidence, locale)}</Badge>
                    {row.source === "update" ? <p className="mt-1 max-w-xs text-xs break-words text-slate-500">{row.sources.join("; ")}</p> : null}
                  </td>
                  <td className="px-4 py-3 text-slate-700" data-testid="change-hits">
                    <Hits row={row} t={t} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
