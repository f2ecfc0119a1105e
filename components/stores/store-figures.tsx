import { getTranslations, useLocale, useTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { formatRate } from "@/components/overview/kpi-format";
import type { FlagCounts, StoreFigures } from "@/lib/data/stores";
import { formatCount } from "@/lib/format";
import { numberLocale } from "@/lib/i18n/intl-locale";
import { getDurationFormat } from "./durations";

// MarketKind and FlagBadges are plain (not async) server components: the stores list renders
// them once per store, and every async component is a separate chunk of the page's stream.

/** "US · cross-border", in the viewer's language. */
export function MarketKind({ market, kind }: { market: string; kind: string | null }) {
  const t = useTranslations("stores.figures");
  return <>{kind ? t("marketKind", { market, kind: kind === "CROSS_BORDER" ? "cross_border" : "local" }) : market}</>;
}

/** Open flags as severity badges; "None" when the store is clear. */
export function FlagBadges({ flags }: { flags: FlagCounts }) {
  const t = useTranslations("stores.figures");
  const locale = useLocale();
  if (flags.total === 0) return <span className="text-sm text-slate-500">{t("noFlags")}</span>;
  const count = (n: number) => formatCount(n, numberLocale(locale));
  return (
    <span className="flex flex-wrap items-center gap-1" data-testid="flag-badges" data-total={flags.total}>
      {flags.critical > 0 ? <Badge tone="critical">{t("critical", { count: count(flags.critical) })}</Badge> : null}
      {flags.warning > 0 ? <Badge tone="warning">{t("warning", { count: count(flags.warning) })}</Badge> : null}
      {flags.info > 0 ? <Badge tone="info">{t("info", { count: count(flags.info) })}</Badge> : null}
    </span>
  );
}

/** The store's service figures over the last 30 days, as a definition list. */
export async function StoreFigureList({ figures, large }: { figures: StoreFigures; large?: boolean }) {
  const [t, duration] = await Promise.all([getTranslations("stores.figures"), getDurationFormat()]);
  const count = (n: number) => formatCount(n, duration.locale);
  const value = large ? "text-2xl" : "text-base";
  const items = [
    { label: t("orders"), value: count(figures.orders), hint: t("ordersHint"), testId: "store-orders" },
    {
      label: t("dispatched"),
      value: formatRate(figures.dispatched, figures.orders, duration.locale),
      hint: t("dispatchedHint", { count: count(figures.dispatched) }),
      testId: "store-dispatched",
    },
    { label: t("median"), value: duration.hours(figures.medianDispatchHours), hint: t("medianHint"), testId: "store-median" },
    {
      label: t("late"),
      value: formatRate(figures.late, figures.lateBase, duration.locale),
      hint: t(figures.lateBasis === "DEADLINE" ? "lateHintDeadline" : "lateHint48h", { late: count(figures.late), base: count(figures.lateBase) }),
      testId: "store-late",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {items.map((i) => (
        <div key={i.testId} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{i.label}</dt>
          <dd className={`mt-1 font-semibold text-slate-900 tabular-nums ${value}`} data-testid={i.testId}>
            {i.value}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-500">{i.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
