import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { confidenceIn, formatPolicyMessage, ruleNoteIn, ruleTitleIn, scopeTextIn } from "@/lib/i18n/policy-text";
import type { Locale } from "@/lib/i18n/locales";
import type { CalendarRow } from "@/lib/policy";
import { dateFormat } from "@/lib/format";

export const CONFIDENCE_TONE = { seed: "neutral", official: "success", press: "warning", "3P": "warning" } as const;

/** "6 Jan 2026" in the viewer's language (English keeps the day-month order it always had). */
export function formatPolicyDate(date: string, locale: Locale): string {
  return dateFormat(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export async function PolicyCalendarTable({ rows }: { rows: CalendarRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("policy.calendar"), getLocale()]);
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={t("tableLabel")}>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("rule")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("effective")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("scope")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("threshold")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("source")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const note = row.note ? ruleNoteIn(row.rule, locale) : null;
              return (
                <tr key={row.rule} className="align-top" data-rule={row.rule}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-slate-900">{ruleTitleIn(row.rule, locale)}</p>
                    <p className="font-mono text-xs text-slate-500">{row.rule}</p>
                    {note ? <p className="mt-1 max-w-md text-xs text-slate-500">{note}</p> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <p>{row.effectiveFrom ? formatPolicyDate(row.effectiveFrom, locale) : t("always")}</p>
                    <Badge tone={row.status === "upcoming" ? "warning" : "success"} className="mt-1">
                      {row.status === "upcoming" ? t("upcoming") : t("inForce")}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{scopeTextIn(row.scopeDetail, locale)}</td>
                  <td className="px-4 py-3 text-slate-700">{formatPolicyMessage(row.thresholdMessage, locale)}</td>
                  <td className="px-4 py-3">
                    <Badge tone={CONFIDENCE_TONE[row.confidence]}>{confidenceIn(row.confidence, locale)}</Badge>
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
