import Link from "next/link";
import { useLocale, useTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";

export type RuleCount = { rule: string; title: string; count: number; critical: number };

/** Open flags per rule, most critical first, each a link into the risk queue filtered by it. */
export function RiskCounts({ counts }: { counts: RuleCount[] }) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  const critical = counts.reduce((n, c) => n + c.critical, 0);
  const t = useTranslations("overview.riskCounts");
  const locale = intlLocale(useLocale(), "en-US");
  if (counts.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <Card data-testid="risk-counts">
      <CardHeader
        title={t("title")}
        description={t("description", { total, critical })}
        action={
          <Link href="/risk" className="text-sm font-medium whitespace-nowrap text-teal-700 hover:underline">
            {t("openQueue")}
          </Link>
        }
      />
      <ul className="grid grid-cols-1 lg:grid-cols-2">
        {counts.map((c) => (
          <li key={c.rule} className="border-b border-slate-100 lg:odd:border-r">
            <Link
              href={`/risk?rule=${encodeURIComponent(c.rule)}`}
              className="flex items-center justify-between gap-3 px-4 py-2.5 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-slate-900"
            >
              <span className="min-w-0">
                <span className="line-clamp-2 text-sm font-medium text-slate-900">{c.title}</span>
                <span className="block truncate font-mono text-xs text-slate-500">{c.rule}</span>
              </span>
              <span className="flex shrink-0 items-center gap-2">
                {c.critical > 0 ? <Badge tone="critical">{t("critical", { count: c.critical })}</Badge> : null}
                <span className={`min-w-10 text-right text-lg font-semibold tabular-nums ${c.critical > 0 ? "text-rose-700" : "text-slate-900"}`}>
                  {formatCount(c.count, locale)}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
